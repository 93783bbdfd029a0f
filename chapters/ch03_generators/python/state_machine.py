"""三.3.4 async & await: the same two coroutines with async def, as modern asyncio writes them."""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def func(before, after):
    say(before)
    await asyncio.sleep(2)  # the event loop runs the other coroutine meanwhile
    say(after)


async def main():
    await asyncio.gather(func(1, 2), func(3, 4))
    say("all done")


asyncio.run(main())
