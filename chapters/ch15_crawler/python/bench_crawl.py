"""Benchmark counterpart of the Rust crawler: fetch COUNT URLs from the fixture site at BASE,
CONCURRENCY at a time, each body streamed to a temporary file in the output folder and renamed
to its final name once complete (what the Rust crawler does).

MODE is how the client runs:
  aiohttp  aiohttp on asyncio's own event loop, bounded by an asyncio.Semaphore
  uvloop   the same on uvloop (三.6 uvloop)
  threads  CONCURRENCY threads, each with its own requests.Session

WHAT is the number printed on the last line: `wall` (seconds), `cpu` (this process's CPU
seconds, user + system, during the crawl only) or `rate` (pages per second).

Run: python bench_crawl.py MODE BASE_URL COUNT CONCURRENCY DELAY_MS WHAT
"""

import asyncio
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

CHUNK = 64 * 1024


def urls(base, count, delay_ms):
    return [f"{base}/bytes/1024?delay_ms={delay_ms}&n={i}" for i in range(count)]


def save_to(out, i, chunks):
    """Write `chunks` to a temporary file in `out`, then rename it to its final name."""
    fd, temp = tempfile.mkstemp(prefix=".part-", dir=out)
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
        os.replace(temp, os.path.join(out, f"page-{i}"))
    except BaseException:
        os.unlink(temp)
        raise


async def crawl_aiohttp(targets, concurrency, out):
    import aiohttp

    semaphore = asyncio.Semaphore(concurrency)
    connector = aiohttp.TCPConnector(limit=concurrency)

    async def fetch(session, url, i):
        async with semaphore:
            fd, temp = tempfile.mkstemp(prefix=".part-", dir=out)
            try:
                with os.fdopen(fd, "wb") as f:
                    async with session.get(url) as resp:
                        resp.raise_for_status()
                        async for chunk in resp.content.iter_chunked(CHUNK):
                            f.write(chunk)
                os.replace(temp, os.path.join(out, f"page-{i}"))
            except BaseException:
                os.unlink(temp)
                raise

    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(fetch(session, url, i) for i, url in enumerate(targets)))


def crawl_threads(targets, concurrency, out):
    import requests

    local = threading.local()

    def fetch(job):
        i, url = job
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        with session.get(url, stream=True) as resp:
            resp.raise_for_status()
            save_to(out, i, resp.iter_content(CHUNK))

    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(fetch, enumerate(targets)))


def main():
    mode, base, count, concurrency, delay_ms, what = sys.argv[1:7]
    count, concurrency = int(count), int(concurrency)
    targets = urls(base, count, int(delay_ms))
    if mode == "uvloop":
        import uvloop

        uvloop.install()
    if mode in ("aiohttp", "uvloop"):
        import aiohttp  # noqa: F401  (imported before the clock starts)
    else:
        import requests  # noqa: F401
    with tempfile.TemporaryDirectory() as out:
        wall, cpu = time.perf_counter(), time.process_time()
        if mode == "threads":
            crawl_threads(targets, concurrency, out)
        else:
            asyncio.run(crawl_aiohttp(targets, concurrency, out))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        saved = len([name for name in os.listdir(out) if name.startswith("page-")])
        if saved != count:
            sys.exit(f"only {saved} of {count} pages saved")
    print({"wall": wall, "cpu": cpu, "rate": count / wall}[what])


if __name__ == "__main__":
    main()
