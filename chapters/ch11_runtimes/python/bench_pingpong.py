"""Two tasks pass a number back and forth over two queues (one message in flight at a time).

`python bench_pingpong.py asyncio|uvloop N` prints nanoseconds per round trip.
"""
import asyncio
import time

from loops import run, size


async def main():
    rounds = size()
    to_pong, to_ping = asyncio.Queue(), asyncio.Queue()

    async def ping():
        value = 0
        for _ in range(rounds):
            await to_pong.put(value)
            value = await to_ping.get() + 1
        await to_pong.put(None)
        return value

    async def pong():
        while (value := await to_pong.get()) is not None:
            await to_ping.put(value + 1)

    start = time.perf_counter()
    result, _ = await asyncio.gather(ping(), pong())
    elapsed = time.perf_counter() - start
    assert result == 2 * rounds
    return elapsed * 1e9 / rounds


print(run(main))
