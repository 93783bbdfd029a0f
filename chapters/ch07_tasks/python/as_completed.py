"""asyncio.as_completed: results in the order they finish, for tasks and for coroutines."""
import asyncio
import time

T0 = time.perf_counter()
def say(msg): print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)

JOBS = [("slow", 3), ("fast", 1), ("medium", 2)]


async def job(name: str, secs: int) -> int:
    say(f"{name}: 你好")
    await asyncio.sleep(secs)
    say(f"{name}: Hello")
    return secs


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
