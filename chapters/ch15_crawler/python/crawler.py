"""The article's crawler (四.4 异步爬虫), fixed in modern Python.

What changed from the article's listing, and why:
- a Semaphore bounds how many downloads run at once (the article starts all of them);
- a ClientTimeout bounds each download (the article can wait forever);
- each body is streamed to a temporary file in the output folder and renamed when complete
  (the article reads the whole body into memory, then writes it under its final name);
- names are built from a hash of the URL plus the safe characters of its path (the article's
  url.split("/")[-1] can be empty, "..", or the same for two URLs);
- certificate checks stay on; ssl=False (verify_ssl=False is deprecated) only with
  --insecure, and with a warning.

Run: python crawler.py --out DIR [--concurrency N] [--timeout SECS] [--insecure] URL...
"""

import argparse
import asyncio
import hashlib
import os
import re
import sys
import tempfile

import aiohttp


def safe_name(url: str) -> str:
    """A name that stays in the output folder, the same for the same URL, distinct for others."""
    path = url.split("://", 1)[-1]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", path).lstrip("._")[:80] or "index"
    digest = hashlib.sha256(url.encode()).hexdigest()[:12]
    return f"{stem}-{digest}"


async def fetch(session, semaphore, url, out, ssl):
    name = safe_name(url)
    async with semaphore:
        fd, temp = tempfile.mkstemp(prefix=".part-", dir=out)
        try:
            with os.fdopen(fd, "wb") as f:
                async with session.get(url, ssl=ssl) as resp:
                    resp.raise_for_status()
                    async for chunk in resp.content.iter_chunked(64 * 1024):
                        f.write(chunk)
            os.replace(temp, os.path.join(out, name))
            return url, None
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            return url, repr(e)
        finally:
            if os.path.exists(temp):
                os.remove(temp)


async def main(args):
    os.makedirs(args.out, exist_ok=True)
    ssl = True
    if args.insecure:
        print("warning: --insecure: certificates are NOT checked", file=sys.stderr)
        ssl = False
    semaphore = asyncio.Semaphore(args.concurrency)
    timeout = aiohttp.ClientTimeout(total=args.timeout, connect=min(args.timeout, 10))
    async with aiohttp.ClientSession(timeout=timeout) as session:
        results = await asyncio.gather(
            *(fetch(session, semaphore, url, args.out, ssl) for url in args.urls)
        )
    failed = [(url, error) for url, error in results if error]
    for url, error in failed:
        print(f"failed {url}: {error}", file=sys.stderr)
    print(f"{len(results) - len(failed)} saved, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+", metavar="URL")
    parser.add_argument("--out", required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--insecure", action="store_true",
                        help="do not check certificates (ssl=False); never the default")
    sys.exit(asyncio.run(main(parser.parse_args())))
