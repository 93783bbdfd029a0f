"""四.3 FastAPI, the article's hmset_dict("car", key1=1, key2=2, key3=3) and hgetall.

hmset_dict was aioredis 1.x; HMSET is deprecated since Redis 4.0. HSET takes a mapping."""

import asyncio
import os

import redis.asyncio as redis


def fields(mapping):
    if not mapping:
        return "(empty)"
    return " ".join(f"{k}={int(v)}" for k, v in sorted(mapping.items()))


async def main():
    prefix = f"ch12:py-{os.getpid()}:"
    r = redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    await r.hset(prefix + "car", mapping={"key1": 1, "key2": 2, "key3": 3})
    print(f"HGETALL car         -> {fields(await r.hgetall(prefix + 'car'))}")
    print(f"HGETALL no-such-car -> {fields(await r.hgetall(prefix + 'no-such-car'))}")
    print(f"EXISTS no-such-car  -> {await r.exists(prefix + 'no-such-car')}")
    await r.delete(prefix + "car")
    await r.aclose()


asyncio.run(main())
