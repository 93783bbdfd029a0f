"""The benchmark crawl in Python: N pages from a fixture server running in another process.

`python bench_crawl.py aiohttp|threads BASE_URL N LIMIT wall|cpu` fetches BASE_URL/page/0 …
/page/N-1, at most LIMIT at a time (0: no limit), and prints the wall time in seconds, or this
process's CPU time (user + system, every thread) during the crawl.
"""
import asyncio
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

mode, base, n, limit, what = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
urls = [f"{base}/page/{i}" for i in range(n)]


async def crawl_aiohttp():
    import aiohttp

    # limit=0 lifts aiohttp's default cap of 100 connections for the unbounded crawl.
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def fetch(url):
            async with session.get(url) as response:
                response.raise_for_status()
                return len(await response.read())

        return await asyncio.gather(*(fetch(url) for url in urls))


def crawl_threads():
    import requests

    local = threading.local()

    def fetch(url):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        response = local.session.get(url)
        response.raise_for_status()
        return len(response.content)

    with ThreadPoolExecutor(max_workers=limit or n) as pool:
        return list(pool.map(fetch, urls))


if mode == "aiohttp":
    import aiohttp  # noqa: F401  (imported before the clocks start)
else:
    import requests  # noqa: F401

wall, cpu = time.perf_counter(), time.process_time()
sizes = asyncio.run(crawl_aiohttp()) if mode == "aiohttp" else crawl_threads()
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
assert len(sizes) == n and all(sizes), "every page arrived, not empty"
print(wall if what == "wall" else cpu)
