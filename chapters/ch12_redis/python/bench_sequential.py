"""Benchmark row ch12/sequential: N × (SET, GET) one by one with redis.asyncio.

Usage: REDIS_URL=redis://127.0.0.1:6379/ python bench_sequential.py N
Prints commands per second on its last line.
"""

import asyncio
import os
import sys
import time

import redis.asyncio as redis


async def main(n):
    r = redis.from_url(os.environ["REDIS_URL"])
    key = f"ch12:bench-py:{os.getpid()}"
    start = time.perf_counter()
    for i in range(n):
        await r.set(key, i)
        await r.get(key)
    elapsed = time.perf_counter() - start
    await r.delete(key)
    await r.aclose()
    print(2 * n / elapsed)


asyncio.run(main(int(sys.argv[1])))
