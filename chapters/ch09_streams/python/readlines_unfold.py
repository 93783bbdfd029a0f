"""五.5.6 the short way: an async generator instead of a class with __aiter__/__anext__."""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def readlines(pause=0.01):
    """1, 2, ... 99, a pause before each; returning ends the `async for`."""
    start, count = time.monotonic(), 0
    while True:
        count += 1
        await asyncio.sleep(start + count * pause - time.monotonic())  # until the line is due
        if count == 100:
            return
        yield count


async def print_lines(lines):
    """`async for`, printing the first three lines and the last one only."""
    seen, last = 0, None
    async for line in lines:
        if seen < 3:
            say(line)
        elif seen == 3:
            print("...")
        seen += 1
        last = (line, time.perf_counter() - T0)
    if last and seen > 3:
        print(f"[+{last[1]:.2f}s] {last[0]}")
    say(f"the stream ended (None) after {seen} lines")


async def main():
    global T0
    T0 = time.perf_counter()
    await print_lines(readlines())


asyncio.run(main())
