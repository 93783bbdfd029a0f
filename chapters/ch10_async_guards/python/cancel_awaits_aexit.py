"""asyncio's cancellation is an exception, so `__aexit__` runs, awaits, and finishes first.

The Rust tour's `every_path` section aborts a task after 1.5 s: `task cancelled` is printed at
1.50 s and the exit, spawned by a Drop, finishes at 2.50 s. Here `await task` only returns
once `__aexit__` is done: `task cancelled` comes last, at 2.50 s.
"""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


class Database:
    async def __aenter__(self):
        say("__aenter__: connecting")
        await asyncio.sleep(1)
        say("__aenter__: connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        say(f"__aexit__: closing ({exc_type.__name__ if exc_type else 'no exception'})")
        await asyncio.sleep(1)  # awaiting inside a cancelled task is fine: it was cancelled once
        say("__aexit__: closed")


async def body():
    async with Database():
        await asyncio.sleep(60)


async def main():
    task = asyncio.create_task(body())
    await asyncio.sleep(1.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        say(f"task cancelled: {task.cancelled()}")


asyncio.run(main())
