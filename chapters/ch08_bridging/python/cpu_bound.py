"""A CPU loop in a coroutine freezes the loop; yielding or a process pool does not.

Python needs a *process* pool for CPU work that should run in parallel (the GIL); Rust uses
threads (rayon). The heartbeat only needs the loop's thread to be free, which both give.
"""
import asyncio
import concurrent.futures
import time

from heartbeat import JOB, PERIOD, report, with_heartbeat

SLICE = 0.005


def spin(duration):
    """Burn the CPU for `duration` seconds; return the number of rounds."""
    start, rounds = time.perf_counter(), 0
    while True:
        rounds += 1
        if time.perf_counter() - start >= duration:
            return rounds


async def spin_cooperatively(duration, slice_):
    start, rounds = time.perf_counter(), 0
    while True:
        rounds += spin(slice_)
        await asyncio.sleep(0)  # tokio::task::yield_now()
        if time.perf_counter() - start >= duration:
            return rounds


async def spin_in_coroutine():
    spin(JOB)


async def main():
    loop = asyncio.get_running_loop()
    print(f"a heartbeat task ticks every {PERIOD * 1000:.0f} ms; each job computes for {JOB * 1000:.0f} ms")
    report("CPU loop in a task", await with_heartbeat(spin_in_coroutine()))
    report(f"CPU loop, yield_now every {SLICE * 1000:.0f} ms", await with_heartbeat(spin_cooperatively(JOB, SLICE)))
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        await loop.run_in_executor(pool, spin, 0)  # start the worker process first
        report("CPU loop on a compute pool", await with_heartbeat(loop.run_in_executor(pool, spin, JOB)))


if __name__ == "__main__":
    asyncio.run(main())
