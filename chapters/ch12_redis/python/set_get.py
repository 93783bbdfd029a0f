"""四.1 异步redis, the article's listing with redis.asyncio (aioredis lives on there since
redis-py 4.2). The server comes from REDIS_URL, never from the source."""

import asyncio
import os

import redis.asyncio as redis


async def main():
    prefix = f"ch12:py-{os.getpid()}:"
    # decode_responses: str instead of bytes, like the Rust side's String.
    r = redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    await r.set(prefix + "greeting", "hello")
    found = await r.get(prefix + "greeting")
    missing = await r.get(prefix + "no-such-key")  # None, not an error
    print(f"GET greeting    -> {found}")
    print(f"GET no-such-key -> {missing}")
    await r.set(prefix + "visits", 41)
    visits = await r.get(prefix + "visits")  # '41': a str, whatever was stored
    print(f"GET visits      -> {int(visits)}")
    await r.delete(*[key async for key in r.scan_iter(match=prefix + "*")])
    await r.aclose()


asyncio.run(main())
