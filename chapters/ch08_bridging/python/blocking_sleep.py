"""A blocking call in a coroutine freezes the loop; asyncio.to_thread does not.

A heartbeat task wants to tick every 20 ms and records the longest gap between two ticks.
"""
import asyncio
import time

PERIOD, JOB = 0.020, 0.200


async def with_heartbeat(job):
    """Await `job` while a heartbeat ticks beside it; return the longest gap in ms."""
    longest, last = 0.0, time.perf_counter()

    async def beat():
        nonlocal longest, last
        while True:
            await asyncio.sleep(PERIOD)
            now = time.perf_counter()
            longest, last = max(longest, now - last), now

    heartbeat = asyncio.create_task(beat())
    await asyncio.sleep(0)  # let it start before the job
    await job
    heartbeat.cancel()
    return round(max(longest, time.perf_counter() - last) * 1000)


async def sleep_in_coroutine():
    time.sleep(JOB)  # the mistake: blocks the loop's only thread


def report(what, gap):
    print(f"{what:<38} longest heartbeat gap: {gap} ms")


async def main():
    print(f"a heartbeat task ticks every {PERIOD * 1000:.0f} ms; each job sleeps {JOB * 1000:.0f} ms")
    report("blocking sleep inside a task", await with_heartbeat(sleep_in_coroutine()))
    report("blocking sleep on the blocking pool", await with_heartbeat(asyncio.to_thread(time.sleep, JOB)))


asyncio.run(main())
