"""A blocking call in a coroutine freezes the loop; asyncio.to_thread does not.

A heartbeat task wants to tick every 20 ms and records the longest gap between two ticks.
"""
import asyncio
import time

from heartbeat import JOB, PERIOD, report, with_heartbeat


async def sleep_in_coroutine():
    time.sleep(JOB)  # the mistake: blocks the loop's only thread


async def main():
    print(f"a heartbeat task ticks every {PERIOD * 1000:.0f} ms; each job sleeps {JOB * 1000:.0f} ms")
    report("blocking sleep inside a task", await with_heartbeat(sleep_in_coroutine()))
    report("blocking sleep on the blocking pool", await with_heartbeat(asyncio.to_thread(time.sleep, JOB)))


asyncio.run(main())
