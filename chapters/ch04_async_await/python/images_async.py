"""3.4, async: three images downloaded at once from a local server (aiohttp + aiofiles).

The article's version fetched from a public host with `verify_ssl=False` (deprecated in
aiohttp 3.x for `ssl=False`, and switching certificate checks off is not something to copy).
Here a local aiohttp server stands in for the host, with the same three paths and latencies
as the Rust fixture server, so the script runs offline. Files are written with `aiofiles`
(`aiofiles.open`), the maintained package most code uses, rather than the article's `aiofile`
(`aiofile.async_open`); both hand the blocking write to a thread.
"""

import asyncio
import os
import tempfile
import time

import aiofiles
import aiohttp
from aiohttp import web

T0 = time.perf_counter()
SIZE = 256 * 1024
IMAGES = [
    ("/file/mm/20211129/qgenlhwzyvs.jpg", 400),
    ("/file/2020/0223/c0b455b1f25dec71d995550b2e9f898e.jpg", 600),
    ("/file/2020/0223/8e3674af90cba4a3fcfcfce30ab9e5b3.jpg", 500),
]


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def image(request):
    await asyncio.sleep(int(request.query["delay_ms"]) / 1000)
    return web.Response(body=os.urandom(SIZE))


async def fetch(session, url, folder):
    name = url.split("?")[0].split("/")[-1]
    say(f"start {name}")
    async with session.get(url) as resp:
        resp.raise_for_status()
        body = await resp.read()
    async with aiofiles.open(os.path.join(folder, name), "wb") as f:
        await f.write(body)
    say(f"done  {name} ({len(body)} bytes)")


async def main():
    app = web.Application()
    app.router.add_get("/{path:.*}", image)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    global T0
    T0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        async with aiohttp.ClientSession() as session:
            urls = [f"http://127.0.0.1:{port}{path}?delay_ms={ms}" for path, ms in IMAGES]
            async with asyncio.TaskGroup() as group:
                for url in urls:
                    group.create_task(fetch(session, url, folder))
        say(f"总用时 total time: {time.perf_counter() - T0:.2f}s")
    await runner.cleanup()


asyncio.run(main())
