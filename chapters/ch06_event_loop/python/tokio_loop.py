"""3.4 / 5.1: the article's two-task listing on asyncio's own loop, counting each task's steps.

A coroutine is resumed by its Task with `coro.send(None)`: that is asyncio's "poll". Wrapping
the coroutine in an object that counts those calls shows what the Rust chapter shows with
`PollCounter`: each task runs twice (start, then once after its sleep), never in between.
"""

import asyncio
import collections.abc
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


class Counted(collections.abc.Coroutine):
    """A coroutine that counts how many times the loop resumes it."""

    def __init__(self, coro):
        self.coro, self.polls = coro, 0

    def send(self, value):
        self.polls += 1
        return self.coro.send(value)

    def throw(self, *args):
        self.polls += 1
        return self.coro.throw(*args)

    def close(self):
        self.coro.close()

    def __await__(self):
        return self.coro.__await__()


async def func1():
    say(1)
    await asyncio.sleep(2)  # the loop runs func2 meanwhile
    say(2)


async def func2():
    say(3)
    await asyncio.sleep(2)
    say(4)


async def main():
    c1, c2 = Counted(func1()), Counted(func2())
    await asyncio.gather(asyncio.create_task(c1), asyncio.create_task(c2))
    print(f"func1 was polled {c1.polls} times, func2 {c2.polls} times")


asyncio.run(main())
