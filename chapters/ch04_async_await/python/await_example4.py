"""三.5.3 await, example 4: three tasks that each sleep 2 s finish together at 2 s."""

import asyncio

from listing import func, say


async def main():
    tasks = [asyncio.create_task(func(f"task {i}")) for i in range(3)]
    results = [await task for task in tasks]
    say(f"all three done: {results}")


asyncio.run(main())
