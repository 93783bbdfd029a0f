"""5.3 await, example 4: three tasks that each sleep 2 s finish together at 2 s."""

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


async def main():
    tasks = [asyncio.create_task(func(f"task {i}")) for i in range(3)]
    results = [await task for task in tasks]
    say(f"all three done: {results}")


asyncio.run(main())
