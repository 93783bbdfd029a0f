"""N sleepers of S seconds at once: `python bench_sleepers.py MODE N S WHAT`.

MODE is asyncio, uvloop or threads; WHAT is `wall` (seconds from start to the last wake-up) or
`memory` (tracemalloc's peak bytes while they sleep; tasks only: thread stacks are not on the
Python heap).
"""
import asyncio
import sys
import threading
import time
import tracemalloc

from loops import run, size

seconds, what = float(sys.argv[3]), sys.argv[4]


async def tasks():
    if what == "memory":
        tracemalloc.start()
    start = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(asyncio.sleep(seconds)) for _ in range(size())])
    elapsed = time.perf_counter() - start
    if what == "memory":
        return tracemalloc.get_traced_memory()[1]
    return elapsed


def threads():
    start = time.perf_counter()
    workers = [threading.Thread(target=time.sleep, args=(seconds,)) for _ in range(size())]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


if sys.argv[1] == "threads":
    print(threads())
else:
    print(run(tasks))
