"""三.5.6 异步迭代器: the article's async iterator class, with its `self.self` typo fixed.

It yields 1..99 and stops when the count reaches 100. The article's `await asyncio.sleep(1)`
is commented out; like the Rust version we keep a pause: a line is due every 10 ms (sleeping
until the line is due, so that late wake-ups do not add up).
Prints the first three lines and the last, as the Rust tour does.
"""

import asyncio
import time
from listing import print_lines, restart


class Iterator:
    """自定义异步迭代器 (a custom async iterator)."""

    def __init__(self, pause=0.01):
        self.count = 0
        self.pause = pause
        self.start = time.monotonic()

    async def readlines(self):
        await asyncio.sleep(self.start + (self.count + 1) * self.pause - time.monotonic())
        self.count += 1
        if self.count == 100:
            return None
        return self.count

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readlines()  # the article: `self.self.readlines()`, an AttributeError
        if val is None:
            raise StopAsyncIteration
        return val


async def main():
    restart()
    await print_lines(Iterator())


asyncio.run(main())
