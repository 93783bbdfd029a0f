"""5.5.2: ThreadPoolExecutor and Future.result(), with the article's 1 s scaled down to 50 ms."""
from concurrent.futures import ThreadPoolExecutor
import time

JOB_TIME = 0.05


def func(val):
    time.sleep(JOB_TIME)
    return val


print(f"pool of 5 threads, 10 jobs, each sleeping {int(JOB_TIME * 1000)} ms")
with ThreadPoolExecutor(max_workers=5) as pool:
    start = time.perf_counter()
    # The article's loop: result() right after submit() waits for each job in turn.
    results = [pool.submit(func, i).result() for i in range(10)]
    print(f"submit + result() each: {results} in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    futures = [pool.submit(func, i) for i in range(10)]
    results = [fut.result() for fut in futures]
    print(f"submit all, then result(): {results} in {time.perf_counter() - start:.2f} s")
