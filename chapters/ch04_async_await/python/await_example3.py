"""5.3 await, example 3: two awaits in a row run one after the other, 2 s + 2 s."""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def func(who):
    say(f"{who}: 你好")
    await asyncio.sleep(2)
    say(f"{who}: Hello")
    return 2


async def func2():
    say("func2: 函数开始执行 (started)")
    first = await func("first")
    say(f"func2: 1: {first}")
    second = await func("second")
    say(f"func2: 2: {second}")


asyncio.run(func2())
