"""5.4 asyncio.wait with a timeout: (done, pending), then keep one and cancel the other."""
import asyncio
from listing import job, say


def report(task: asyncio.Task) -> str:
    if task.cancelled():
        return f"{task.get_name()} was cancelled"
    return f"{task.get_name()} -> {task.result()}"


async def main() -> None:
    tasks = [asyncio.create_task(job(f"n{i}", i + 1), name=f"n{i}") for i in range(4)]
    done, pending = await asyncio.wait(tasks, timeout=2.5)
    by_name = lambda t: t.get_name()
    done_names = [report(t) for t in sorted(done, key=by_name)]
    pending_names = [t.get_name() for t in sorted(pending, key=by_name)]
    say(f"main: done {done_names}, pending {pending_names}".replace("'", '"'))

    say("main: cancelling n3, still waiting for n2")
    for task in pending:
        if task.get_name() == "n3":
            task.cancel()
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            say(f"main: {report(task)}")


asyncio.run(main())
