"""三.5.6 异步迭代器, the short way: an async generator instead of a class with __aiter__/__anext__."""

import asyncio
import time
from listing import print_lines, restart


async def readlines(pause=0.01):
    """1, 2, ... 99, a pause before each; returning ends the `async for`."""
    start, count = time.monotonic(), 0
    while True:
        count += 1
        await asyncio.sleep(start + count * pause - time.monotonic())  # until the line is due
        if count == 100:
            return
        yield count


async def main():
    restart()
    await print_lines(readlines())


if __name__ == "__main__":
    asyncio.run(main())
