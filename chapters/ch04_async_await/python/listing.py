"""What the `await` listings share: stamped output and the article's `func`.

Imported by the scripts beside it (Python puts a script's own folder on `sys.path`), as the Rust
listings share `shared::Timeline` and `await_examples::func`.
"""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    """Print `msg` stamped with the seconds since the listing started: `[+2.00s] msg`."""
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def func(who):
    """The article's `func`: greet, sleep 2 s without blocking the thread, greet, return 2."""
    say(f"{who}: 你好")
    await asyncio.sleep(2)
    say(f"{who}: Hello")
    return 2
