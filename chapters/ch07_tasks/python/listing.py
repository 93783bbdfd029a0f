"""What every listing of this chapter shares: stamped output and the article's `func`.

Imported by the scripts beside it (run them from anywhere: Python puts a script's own folder on
`sys.path`). The Rust side shares the same two things through `shared::Timeline` and
`create_task::job`.
"""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    """Print `msg` stamped with the seconds since the listing started: `[+2.00s] msg`."""
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def job(name: str, secs: int) -> int:
    """The article's `func`: greet, sleep `secs` seconds without blocking, greet, return."""
    say(f"{name}: 你好")
    await asyncio.sleep(secs)
    say(f"{name}: Hello")
    return secs
