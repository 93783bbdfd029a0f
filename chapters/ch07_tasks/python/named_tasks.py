"""5.4 example 1: three named tasks, asyncio.wait(tasks, timeout=None)."""
import asyncio
from listing import job, say


async def main() -> None:
    tasks = [asyncio.create_task(job(f"n{i}", 2), name=f"n{i}") for i in range(3)]
    done, _pending = await asyncio.wait(tasks, timeout=None)
    # `done` is a set: sort it, or `list(done)[0]` is any of the three.
    report = [f"{t.get_name()} -> {t.result()}" for t in sorted(done, key=lambda t: t.get_name())]
    say(f"main: done {report}".replace("'", '"'))


asyncio.run(main())
