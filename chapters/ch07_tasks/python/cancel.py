"""Cancellation in asyncio: CancelledError at the await, `finally` for cleanup."""
import asyncio
from listing import say


async def three_steps(name: str) -> int:
    try:
        say(f"{name}: started")
        for step in range(1, 4):
            await asyncio.sleep(1)  # CancelledError is raised here, and only here
            say(f"{name}: step {step} done")
        return 3
    finally:
        say(f"{name}: cleanup")


async def main() -> None:
    try:
        await asyncio.wait_for(three_steps("future"), 1.5)
    except TimeoutError:
        say("main: deadline has elapsed, the future was dropped")

    task = asyncio.create_task(three_steps("task"))
    await asyncio.sleep(1.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        say("main: task was cancelled")

    # Keep a reference: the event loop holds tasks only weakly, and a task nobody references
    # can be garbage-collected mid-flight. A dropped JoinHandle has no such problem.
    detached = asyncio.create_task(three_steps("detached"))
    await asyncio.sleep(3.5)
    say("main: done")
    assert detached.done()


asyncio.run(main())
