"""Benchmark row ch12/pipelined: N SETs in one pipeline with redis.asyncio.

Usage: REDIS_URL=redis://127.0.0.1:6379/ python bench_pipelined.py N
Prints commands per second on its last line.
"""

import asyncio
import os
import sys
import time

import redis.asyncio as redis


async def main(n):
    r = redis.from_url(os.environ["REDIS_URL"])
    prefix = f"ch12:bench-py:{os.getpid()}:"
    start = time.perf_counter()
    async with r.pipeline(transaction=False) as pipe:
        for i in range(n):
            pipe.set(f"{prefix}k{i}", i)
        await pipe.execute()
    elapsed = time.perf_counter() - start
    keys = [key async for key in r.scan_iter(match=f"{prefix}*", count=10_000)]
    for i in range(0, len(keys), 10_000):
        await r.delete(*keys[i : i + 10_000])
    await r.aclose()
    print(n / elapsed)


asyncio.run(main(int(sys.argv[1])))
