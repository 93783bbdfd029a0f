"""asyncio.as_completed: results in the order they finish, for tasks and for coroutines."""
import asyncio
from listing import job, say


JOBS = [("slow", 3), ("fast", 1), ("medium", 2)]


async def main() -> None:
    tasks = [asyncio.create_task(job(name, secs)) for name, secs in JOBS]
    for next_done in asyncio.as_completed(tasks):
        say(f"main: task finished -> {await next_done}")
    # asyncio has no way to run coroutines concurrently without tasks: as_completed would
    # wrap bare coroutines in tasks itself, started in the order of a set (arbitrary), so we
    # start them in order ourselves.
    again = [asyncio.create_task(job(name, secs)) for name, secs in JOBS]
    for next_done in asyncio.as_completed(again):
        say(f"main: future finished -> {await next_done}")


asyncio.run(main())
