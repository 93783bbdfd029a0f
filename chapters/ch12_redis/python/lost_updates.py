"""四.1 异步redis, lost updates: 100 tasks add 1 to one counter, three ways."""

import asyncio
import os

import redis.asyncio as redis
from redis.exceptions import WatchError

TASKS = 100


async def get_then_set(r, key):
    everyone_has_read = asyncio.Barrier(TASKS)  # Python 3.11+

    async def add_one():
        value = int(await r.get(key) or 0)
        await everyone_has_read.wait()
        await r.set(key, value + 1)

    await asyncio.gather(*(add_one() for _ in range(TASKS)))
    return int(await r.get(key))


async def incr(r, key):
    await asyncio.gather(*(r.incr(key) for _ in range(TASKS)))
    return int(await r.get(key))


async def watch_multi_exec(r, key):
    retries = 0

    async def add_one():
        nonlocal retries
        # A pipeline holds one connection of the pool: WATCH needs that.
        async with r.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(key)
                    value = int(await pipe.get(key) or 0)
                    await asyncio.sleep(0)  # others run here
                    pipe.multi()
                    pipe.set(key, value + 1)
                    await pipe.execute()
                    return
                except WatchError:  # EXEC aborted: someone wrote first
                    retries += 1

    await asyncio.gather(*(add_one() for _ in range(TASKS)))
    return int(await r.get(key)), retries


async def main():
    prefix = f"ch12:py-{os.getpid()}:"
    # At most 10 connections, like the article's maxsize=10; tasks wait for a free one.
    pool = redis.BlockingConnectionPool.from_url(os.environ["REDIS_URL"], max_connections=10)
    r = redis.Redis(connection_pool=pool)
    value = await get_then_set(r, prefix + "a")
    print(f"GET + SET:          counter = {value:>3}, {TASKS - value} of {TASKS} updates lost")
    value = await incr(r, prefix + "b")
    print(f"INCR:               counter = {value:>3}, none lost")
    value, retries = await watch_multi_exec(r, prefix + "c")
    print(f"WATCH/MULTI/EXEC:   counter = {value:>3}, none lost (transactions retried {retries}×)")
    await r.delete(prefix + "a", prefix + "b", prefix + "c")
    await r.aclose()


asyncio.run(main())
