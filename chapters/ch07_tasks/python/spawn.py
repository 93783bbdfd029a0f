"""5.3 example 4, the task side: a task runs without being awaited, a coroutine does not."""
import asyncio
from listing import job, say


async def main() -> None:
    coro = job("future", 2)                       # a coroutine object: nothing runs yet
    task = asyncio.create_task(job("task", 2))    # scheduled now
    await asyncio.sleep(1)                        # the task starts while main sleeps
    say("main: awaiting the future, then the task")
    from_future = await coro                      # only now does its body start
    from_task = await task
    say(f"main: future -> {from_future}, task -> {from_task}")


asyncio.run(main())
