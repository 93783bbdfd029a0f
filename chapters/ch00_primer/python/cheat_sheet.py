"""The Python side of the cheat sheet (book/src/cheat_sheet.md), runnable: each snippet's
result is printed and matches what tests/cheat_sheet.rs asserts for the Rust side.
Checked on Python 3.11.7 (it sleeps about 14 s in all)."""
import asyncio
import os


# ANCHOR: run
async def work(secs):
    await asyncio.sleep(secs)
    return secs * 10


def run(secs):
    return asyncio.run(work(secs))
# ANCHOR_END: run


# ANCHOR: spawn
async def spawn_and_await():
    task = asyncio.create_task(work(1))  # or asyncio.ensure_future(work(1))
    return await task
# ANCHOR_END: spawn


# ANCHOR: gather
async def gather():
    return tuple(await asyncio.gather(work(1), work(2)))
# ANCHOR_END: gather


# ANCHOR: as_completed
async def as_completed():
    tasks = [asyncio.create_task(work(secs)) for secs in (3, 1, 2)]
    return [await next_done for next_done in asyncio.as_completed(tasks)]
# ANCHOR_END: as_completed


# ANCHOR: timeout
async def wait_for():
    try:
        return await asyncio.wait_for(work(5), timeout=1)
    except TimeoutError:
        return None
# ANCHOR_END: timeout


# ANCHOR: cancel
async def cancel():
    task = asyncio.create_task(work(5))
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        return True
    return False
# ANCHOR_END: cancel


# ANCHOR: lock
async def lock(tasks):
    total = 0
    guard = asyncio.Lock()

    async def add():
        nonlocal total
        async with guard:
            total += await work(1)

    await asyncio.gather(*(add() for _ in range(tasks)))
    return total
# ANCHOR_END: lock


# ANCHOR: event
async def event():
    ready = asyncio.Event()

    async def waiter():
        await ready.wait()
        return "woken"

    task = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    ready.set()
    return await task
# ANCHOR_END: event


# ANCHOR: semaphore
async def semaphore(tasks):
    permits = asyncio.Semaphore(2)

    async def job():
        async with permits:
            return await work(1)

    return sum(await asyncio.gather(*(job() for _ in range(tasks))))
# ANCHOR_END: semaphore


# ANCHOR: queue
async def queue():
    q = asyncio.Queue(maxsize=8)

    async def producer():
        for n in range(1, 4):
            await q.put(n)
        await q.put(None)  # a sentinel marks the end

    asyncio.create_task(producer())
    got = []
    while (n := await q.get()) is not None:
        got.append(n)
    return got
# ANCHOR_END: queue


# ANCHOR: blocking
async def to_thread():
    return await asyncio.to_thread(lambda: len(os.listdir(".")))
# ANCHOR_END: blocking


async def main():
    print("spawn_and_await", await spawn_and_await())
    print("gather", await gather())
    print("as_completed", await as_completed())
    print("wait_for", await wait_for())
    print("cancel", await cancel())
    print("lock", await lock(3))
    print("event", await event())
    print("semaphore", await semaphore(5))
    print("queue", await queue())
    print("to_thread", await to_thread() == len(os.listdir(".")))


print("run", run(0))
asyncio.run(main())
