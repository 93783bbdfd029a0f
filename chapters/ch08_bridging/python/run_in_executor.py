"""三.5.5.2 concurrent.future.Future: the article's run_in_executor listing, all three pools, on Python 3.11."""
import asyncio
import concurrent.futures
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


def func1():
    time.sleep(0.1)  # a slow blocking operation (the article sleeps 2 s)
    return "11"


async def main():
    global T0
    loop = asyncio.get_running_loop()
    T0 = time.perf_counter()
    # 1. The loop's default thread pool (asyncio.to_thread(func1) is the same, spelled shorter).
    result = await loop.run_in_executor(None, func1)
    say(f"default thread pool {result}")
    # 2. A thread pool of our own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        result = await loop.run_in_executor(pool, func1)
        say(f"custom thread pool {result}")
    # 3. A process pool: func1 runs in a child process.
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        result = await loop.run_in_executor(pool, func1)
        say(f"custom process pool {result}")


if __name__ == "__main__":  # a process pool re-imports this module in its workers
    asyncio.run(main())
