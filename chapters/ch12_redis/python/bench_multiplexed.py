"""Benchmark row ch12/multiplexed: 100 tasks × N GETs on one redis.asyncio client.

redis-py does not multiplex: the client keeps a pool, and each command in flight borrows a
connection of its own (up to 100 here), so this is the closest Python counterpart.

Usage: REDIS_URL=redis://127.0.0.1:6379/ python bench_multiplexed.py N
Prints commands per second on its last line.
"""

import asyncio
import os
import sys
import time

import redis.asyncio as redis


async def main(per_task):
    r = redis.from_url(os.environ["REDIS_URL"])
    key = f"ch12:bench-py:{os.getpid()}"
    await r.set(key, "value")

    async def reader():
        for _ in range(per_task):
            await r.get(key)

    start = time.perf_counter()
    await asyncio.gather(*(reader() for _ in range(100)))
    elapsed = time.perf_counter() - start
    await r.delete(key)
    await r.aclose()
    print(100 * per_task / elapsed)


asyncio.run(main(int(sys.argv[1])))
