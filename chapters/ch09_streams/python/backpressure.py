"""Back-pressure with asyncio.Queue(maxsize=2): the slow consumer paces the producer."""

import asyncio
from listing import restart, say


DONE = object()  # Python 3.11's Queue cannot be closed: a sentinel marks the end


async def producer(queue, items):
    for item in range(1, items + 1):
        await queue.put(item)  # waits while the queue is full
        say(f"sent {item}")
    say("producer done")
    await queue.put(DONE)


async def main():
    restart()
    queue = asyncio.Queue(maxsize=2)
    task = asyncio.create_task(producer(queue, 6))
    while (item := await queue.get()) is not DONE:
        say(f"got {item}")
        await asyncio.sleep(1)  # the slow part
    say("consumer done")
    await task


asyncio.run(main())
