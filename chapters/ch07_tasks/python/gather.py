"""asyncio.gather, then a TaskGroup: the first error cancels the rest, as try_join! does."""
import asyncio
from listing import job, say


async def failing_job(name: str, secs: int) -> int:
    say(f"{name}: 你好")
    await asyncio.sleep(secs)
    say(f"{name}: giving up")
    raise RuntimeError(f"{name} gave up")


async def main() -> None:
    both = tuple(await asyncio.gather(job("a", 1), job("b", 2)))
    say(f"main: both -> {both}")
    # gather would raise c's error but leave d running; a TaskGroup cancels d.
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("d", 2))
            group.create_task(failing_job("c", 1))
    except* RuntimeError as errors:
        say(f"main: first error: {errors.exceptions[0]}")


asyncio.run(main())
