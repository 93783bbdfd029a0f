"""Errors across tasks in asyncio: what error_handling.rs does with Result, `?` and JoinSet.

`fetch` stands in for an HTTP client (the Rust side talks to the real local fixture server):
"/missing" raises NotFound, "/slow" takes a minute, anything else has 100 bytes.
"""
import asyncio
import time


class NotFound(Exception):
    pass


async def fetch(path: str) -> int:
    if path == "/missing":
        raise NotFound(f"{path}: not found")
    await asyncio.sleep(60 if path == "/slow" else 0)
    return 100


# ANCHOR: except
async def size_or_zero(path: str) -> int:
    try:
        return await fetch(path)
    except NotFound:
        return 0
# ANCHOR_END: except


# ANCHOR: task_group
async def total_size(paths: list[str]) -> int:
    async with asyncio.TaskGroup() as group:  # the first error cancels the others
        tasks = [group.create_task(fetch(path)) for path in paths]
    return sum(task.result() for task in tasks)
# ANCHOR_END: task_group


async def main() -> None:
    print("size_or_zero('/missing') =", await size_or_zero("/missing"))
    print("total_size(['/a', '/b', '/c']) =", await total_size(["/a", "/b", "/c"]))
    start = time.perf_counter()
    try:
        await total_size(["/slow", "/missing"])
    except* NotFound as group:
        took = time.perf_counter() - start
        print(f"total_size(['/slow', '/missing']) raised {group.exceptions[0]!r} after {took:.1f} s")


asyncio.run(main())
