"""四.1 异步redis, expiry: SET … EX, PTTL, and a key that is gone when its time is up."""

import asyncio
import os

import redis.asyncio as redis


def describe(ms):
    # redis-py passes Redis's -1 (no expiry) and -2 (no key) through as plain integers.
    if ms == -1:
        return "no expiry (-1)"
    if ms == -2:
        return "no such key (-2)"
    return f"{ms / 1000:.1f} s left"


async def main():
    prefix = f"ch12:py-{os.getpid()}:"
    r = redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    await r.set(prefix + "session", "alice", ex=60)
    print(f"PTTL session -> {describe(await r.pttl(prefix + 'session'))}")
    await r.set(prefix + "forever", "x")
    print(f"PTTL forever -> {describe(await r.pttl(prefix + 'forever'))}")
    print(f"PTTL missing -> {describe(await r.pttl(prefix + 'missing'))}")
    await r.set(prefix + "token", "t0k3n", px=200)
    print(f"GET token    -> {await r.get(prefix + 'token')}")
    await asyncio.sleep(0.25)
    print(f"GET token    -> {await r.get(prefix + 'token')} (after 200 ms)")
    await r.delete(*[key async for key in r.scan_iter(match=prefix + "*")])
    await r.aclose()


asyncio.run(main())
