"""5.2: calling an async def function runs none of its body; asyncio.run drives it."""

import asyncio

body_runs = 0


async def greet():
    global body_runs
    body_runs += 1
    print("你好 (the body of greet runs)")


future = greet()  # a coroutine object: nothing printed yet
print(f"greet() returned a future; its body has run {body_runs} times")
asyncio.run(future)
print(f"after block_on, its body has run {body_runs} times")
