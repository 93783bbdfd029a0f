"""What this chapter's listings share: stamped output, and `async for` printing the first three
lines and the last (the Rust side's `counter_stream::print_lines`).

The scripts beside it import it; Python puts a script's own folder on `sys.path`.
"""

import time

_T0 = time.perf_counter()


def restart():
    """Start the listing's clock now (each listing's stamps count from its own start)."""
    global _T0
    _T0 = time.perf_counter()


def elapsed():
    return time.perf_counter() - _T0


def say(msg):
    print(f"[+{elapsed():.2f}s] {msg}", flush=True)


async def print_lines(lines):
    """`async for`, printing the first three lines and the last one only."""
    seen, last = 0, None
    async for line in lines:
        if seen < 3:
            say(line)
        elif seen == 3:
            print("...")
        seen += 1
        last = (line, elapsed())
    if last and seen > 3:
        print(f"[+{last[1]:.2f}s] {last[0]}")
    say(f"the stream ended (None) after {seen} lines")
