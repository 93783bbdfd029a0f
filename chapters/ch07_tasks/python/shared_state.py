"""asyncio's Event, Condition, Semaphore and Queue: what shared_state/*.rs does with tokio.

Each part prints the times the Rust tests in tests/shared_state.rs assert, so the two can be
compared line by line:
- an Event set at 1 s releases its three waiters at 1 s, and a late waiter at once (2 s);
- a Condition releases buyers of 1, 2 and 3 items at 1, 2 and 3 s, one item arriving per second;
- a Queue(maxsize=2) lets a producer put three items at 0 s, then one per second (the consumer
  takes one a second);
- a Semaphore(2) runs five 1 s jobs in 3 s.
"""
import asyncio
import time

T0 = 0.0


def now() -> float:
    return round(time.perf_counter() - T0, 1)


async def event_part() -> None:
    event = asyncio.Event()

    async def waiter():
        await event.wait()
        return now()

    waiters = [asyncio.create_task(waiter()) for _ in range(3)]
    await asyncio.sleep(1)
    event.set()
    released = list(await asyncio.gather(*waiters))
    await asyncio.sleep(1)
    await event.wait()  # still set: returns at once
    released.append(now())
    print("event released at", released)


async def condition_part() -> None:
    cond = asyncio.Condition()
    stock = 0

    async def buyer(n):
        async with cond:
            await cond.wait_for(lambda: stock >= n)
        return (n, now())

    buyers = [asyncio.create_task(buyer(n)) for n in (3, 1, 2)]
    for _ in range(3):
        await asyncio.sleep(1)
        async with cond:
            stock += 1
            cond.notify_all()
    print("condition released", sorted(await asyncio.gather(*buyers)))


async def queue_part() -> None:
    queue = asyncio.Queue(maxsize=2)
    put_at = []

    async def producer():
        for item in range(5):
            await queue.put(item)
            put_at.append(now())
        await queue.put(None)  # asyncio.Queue needs a sentinel; a dropped mpsc sender does not

    task = asyncio.create_task(producer())
    got = []
    while (item := await queue.get()) is not None:
        await asyncio.sleep(1)
        got.append(item)
    await task
    print("queue puts at", put_at, "got", got)


async def semaphore_part() -> None:
    sem = asyncio.Semaphore(2)

    async def job():
        async with sem:
            await asyncio.sleep(1)

    start = now()
    await asyncio.gather(*(job() for _ in range(5)))
    print("semaphore: five 1 s jobs, two at a time, took", round(now() - start, 1))


async def main() -> None:
    global T0
    for part in (event_part, condition_part, queue_part, semaphore_part):
        T0 = time.perf_counter()
        await part()


asyncio.run(main())
