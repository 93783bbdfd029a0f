"""五.5.6: the article's async iterator class, with its `self.self` typo fixed.

It yields 1..99 and stops when the count reaches 100. The article's `await asyncio.sleep(1)`
is commented out; like the Rust version we keep a pause: a line is due every 10 ms (sleeping
until the line is due, so that late wake-ups do not add up).
Prints the first three lines and the last, as the Rust tour does.
"""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


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
    await print_lines(Iterator())


asyncio.run(main())
