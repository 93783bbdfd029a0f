"""An exception escaping one task: stored in it, and the other tasks carry on."""
import asyncio
from listing import job, say


async def boom(name: str) -> int:
    say(f"{name}: 你好")
    await asyncio.sleep(1.5)
    raise RuntimeError(f"{name} hit a bug")


async def main() -> None:
    pending = {
        asyncio.create_task(job("n0", 1), name="n0"),
        asyncio.create_task(boom("n1"), name="n1"),
        asyncio.create_task(job("n2", 2), name="n2"),
    }
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if task.exception() is not None:
                say(f"main: {task.get_name()} panicked: {task.exception()}")
            else:
                say(f"main: {task.get_name()} -> {task.result()}")


asyncio.run(main())
