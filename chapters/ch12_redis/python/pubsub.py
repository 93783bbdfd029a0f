"""四.1 异步redis, publish/subscribe: a subscriber task reads messages as an async iterator."""

import asyncio
import os

import redis.asyncio as redis


async def subscriber(r, channel, ready):
    received = []
    async with r.pubsub() as pubsub:  # leaving the block unsubscribes and closes
        await pubsub.subscribe(channel)
        ready.set()
        async for message in pubsub.listen():
            if message["type"] != "message":
                continue  # the subscribe confirmation
            received.append(message["data"])
            if message["data"] == "stop":
                break
    return received


async def until_unsubscribed(r, channel):
    for _ in range(200):
        [(_, count)] = await r.pubsub_numsub(channel)
        if count == 0:
            return 0
        await asyncio.sleep(0.01)
    return count


async def main():
    channel = f"ch12:py-{os.getpid()}:news"
    r = redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    ready = asyncio.Event()
    listener = asyncio.create_task(subscriber(r, channel, ready))
    await ready.wait()
    [(_, count)] = await r.pubsub_numsub(channel)
    print(f"subscribed: {count} subscriber on the channel")
    for text in ["hello", "second message", "stop"]:
        receivers = await r.publish(channel, text)
        print(f'PUBLISH "{text}" -> {receivers} receiver')
    received = await listener
    print(f"the subscriber received: {', '.join(received)}")
    print(f"after the stream was dropped: {await until_unsubscribed(r, channel)} subscribers")
    await r.aclose()


asyncio.run(main())
