"""100k tasks that each yield once: `python bench_spawn.py asyncio|uvloop N` prints seconds."""
import asyncio
import time

from loops import run, size


async def one_yield(i):
    await asyncio.sleep(0)
    return i


async def main():
    n = size()
    start = time.perf_counter()
    results = await asyncio.gather(*[asyncio.create_task(one_yield(i)) for i in range(n)])
    elapsed = time.perf_counter() - start
    assert sum(results) == n * (n - 1) // 2
    return elapsed


print(run(main))
