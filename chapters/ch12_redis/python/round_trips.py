"""四.1 异步redis, round trips: 1000 SETs one by one, as one pipeline, from 1000 tasks."""

import asyncio
import os
import time

import redis.asyncio as redis

N = 1000


async def main():
    prefix = f"ch12:py-{os.getpid()}:"
    # redis.asyncio's default pool holds at most 100 connections and raises
    # MaxConnectionsError("Too many connections") past that; a blocking pool waits instead.
    pool = redis.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=100)
    r = redis.Redis(connection_pool=pool)

    start = time.perf_counter()
    for i in range(N):
        await r.set(f"{prefix}k{i}", i)
    ms = (time.perf_counter() - start) * 1000
    print(f"{N} SETs one by one:      {ms:.2f} ms  ({N} round trips)")

    start = time.perf_counter()
    async with r.pipeline(transaction=False) as pipe:
        for i in range(N):
            pipe.set(f"{prefix}k{i}", i)
        await pipe.execute()
    ms = (time.perf_counter() - start) * 1000
    print(f"{N} SETs as one pipeline: {ms:.2f} ms  (1 round trip)")

    # redis-py does not multiplex: each command in flight borrows a pooled connection.
    start = time.perf_counter()
    await asyncio.gather(*(r.set(f"{prefix}k{i}", i) for i in range(N)))
    ms = (time.perf_counter() - start) * 1000
    print(f"{N} SETs from {N} tasks:  {ms:.2f} ms  (concurrently)")

    await r.delete(*[key async for key in r.scan_iter(match=prefix + "*")])
    await r.aclose()


asyncio.run(main())
