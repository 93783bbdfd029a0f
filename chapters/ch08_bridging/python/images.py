"""三.5.5.3 案例, on Python 3.11: blocking downloads in the loop's thread pool, all at once.

The article calls asyncio.get_event_loop() (deprecated outside a running loop since 3.10) and
passes bare coroutines to asyncio.wait (refused since 3.11); here: asyncio.run, tasks, gather.
Instead of a public image host, a local http.server answers each path after ?delay_ms.
"""
import asyncio
import http.server
import os
import tempfile
import threading
import time
import urllib.parse
import urllib.request

IMAGES = [
    ("/file/mm/20211129/qgenlhwzyvs.jpg", 400),
    ("/file/2020/0223/c0b455b1f25dec71d995550b2e9f898e.jpg", 600),
    ("/file/2020/0223/8e3674af90cba4a3fcfcfce30ab9e5b3.jpg", 500),
]
SIZE = 256 * 1024
T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


class ImageServer(http.server.ThreadingHTTPServer):
    """Serves SIZE bytes per path after ?delay_ms, counting requests in flight."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ImageHandler)
        self.lock, self.in_flight, self.max_in_flight = threading.Lock(), 0, 0


class ImageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        with server.lock:
            server.in_flight += 1
            server.max_in_flight = max(server.max_in_flight, server.in_flight)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        time.sleep(int(query.get("delay_ms", ["100"])[0]) / 1000)
        self.send_response(200)
        self.send_header("Content-Length", str(SIZE))
        self.end_headers()
        self.wfile.write(bytes(SIZE))
        with server.lock:
            server.in_flight -= 1

    def log_message(self, *args):
        pass  # keep stdout for the listing


def fetch_and_save(url, path):
    """requests.get(url) + saving the body: blocking, so it runs in the thread pool."""
    with urllib.request.urlopen(url) as response:
        body = response.read()
    with open(path, "wb") as file:
        file.write(body)
    return len(body)


async def download_img(url, directory):
    name = urllib.parse.urlsplit(url).path.split("/")[-1]
    say(f"开始下载 start {name}")
    saved = await asyncio.to_thread(fetch_and_save, url, os.path.join(directory, name))
    say(f"下载完成 done  {name} ({saved} bytes)")


async def main(server, directory):
    global T0
    host, port = server.server_address
    urls = [f"http://{host}:{port}{path}?delay_ms={delay}" for path, delay in IMAGES]
    T0 = time.perf_counter()
    await asyncio.gather(*(download_img(url, directory) for url in urls))
    # The bound (one request per task), printed only when the server's count stayed within it.
    if server.max_in_flight <= len(urls):
        say(f"{len(urls)} files; at most {len(urls)} requests in flight at once, one per task")
    else:
        say(f"{len(urls)} files; {server.max_in_flight} requests in flight at once, "
            f"more than the {len(urls)} tasks")


if __name__ == "__main__":
    server = ImageServer()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as directory:
        asyncio.run(main(server, directory))
    server.shutdown()
