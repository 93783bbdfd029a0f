"""The heartbeat both starvation listings measure with (the Rust side's `starvation::with_heartbeat`).

A task wants to tick every PERIOD seconds and records the longest gap between two ticks: when
something blocks the loop's only thread, the gap grows to the length of the block.
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


def report(what, gap):
    print(f"{what:<38} longest heartbeat gap: {gap} ms")
