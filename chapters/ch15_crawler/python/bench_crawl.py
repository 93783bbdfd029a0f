"""Benchmark counterpart of the Rust crawler: fetch URLS URLs from the fixture site at BASE,
CONCURRENCY at a time (an asyncio.Semaphore), each streamed to a temporary file and renamed.
Prints the wall time in seconds, or with --rate the pages per second, on its last line.

Run: python bench_crawl.py BASE_URL URLS CONCURRENCY DELAY_MS [--rate] [--uvloop]
"""

import asyncio
import os
import sys
import tempfile
import time

import aiohttp


async def fetch(session, semaphore, url, out, i):
    async with semaphore:
        fd, temp = tempfile.mkstemp(prefix=".part-", dir=out)
        with os.fdopen(fd, "wb") as f:
            async with session.get(url) as resp:
                resp.raise_for_status()
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    f.write(chunk)
        os.replace(temp, os.path.join(out, f"page-{i}"))


async def main(base, count, concurrency, delay_ms):
    semaphore = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)
    with tempfile.TemporaryDirectory() as out:
        async with aiohttp.ClientSession(connector=connector) as session:
            start = time.perf_counter()
            await asyncio.gather(*(
                fetch(session, semaphore, f"{base}/bytes/1024?delay_ms={delay_ms}&n={i}", out, i)
                for i in range(count)
            ))
            return time.perf_counter() - start


if __name__ == "__main__":
    base, count, concurrency, delay_ms = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if "--uvloop" in sys.argv:
        import uvloop
        uvloop.install()
    elapsed = asyncio.run(main(base, count, concurrency, delay_ms))
    print(count / elapsed if "--rate" in sys.argv else elapsed)
