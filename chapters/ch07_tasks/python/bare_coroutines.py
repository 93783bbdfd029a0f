"""5.4 example 2, fixed: asyncio.wait no longer takes bare coroutines.

The article calls `asyncio.wait([func() for i in range(3)])`. Since Python 3.11 that raises
    TypeError: Passing coroutines is forbidden, use tasks explicitly.
`gather` still accepts coroutines (it wraps each in a task itself); `wait` wants the tasks.
"""
import asyncio
from listing import job, say


async def main() -> None:
    results = await asyncio.gather(*(job(name, 2) for name in ("c0", "c1", "c2")))
    say(f"main: three futures -> {results}")
    tasks = [asyncio.create_task(job(name, 2)) for name in ("t0", "t1", "t2")]
    await asyncio.wait(tasks)
    say(f"main: three tasks -> {[task.result() for task in tasks]}")


asyncio.run(main())
