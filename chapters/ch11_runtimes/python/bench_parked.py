"""N tasks parked on one asyncio.Event: `python bench_parked.py asyncio|uvloop N` prints the
bytes per parked task that tracemalloc counts (task, coroutine frame, the Event's waiter
future, the list of tasks)."""
import asyncio
import tracemalloc

from loops import run, size


async def main():
    n = size()
    event = asyncio.Event()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tasks = [asyncio.create_task(event.wait()) for _ in range(n)]
    # The tasks were scheduled before this coroutine's wake-up, so after one yield every one
    # of them has run to `await event.wait()` and parked.
    await asyncio.sleep(0)
    parked = tracemalloc.get_traced_memory()[0] - before
    event.set()
    await asyncio.gather(*tasks)
    return parked / n


print(run(main))
