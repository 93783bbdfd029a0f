"""三.5.3 await, example 3: two awaits in a row run one after the other, 2 s + 2 s."""

import asyncio

from listing import func, say


async def func2():
    say("func2: 函数开始执行 (started)")
    first = await func("first")
    say(f"func2: 1: {first}")
    second = await func("second")
    say(f"func2: 2: {second}")


asyncio.run(func2())
