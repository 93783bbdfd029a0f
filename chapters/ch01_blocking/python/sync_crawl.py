"""1.2 synchronous calls: the article's crawler, one URL after another.

The article fetched Baidu, Sina and python.org with `requests`. Here a local server (standard
library only) answers after 0.3 s with 64 KiB, like the Rust fixture server, so the script runs
offline and its timing means something.
"""

import http.server
import threading
import time
import urllib.request

LATENCY = 0.3
SIZE = 64 * 1024


class SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(LATENCY)  # a slow network, simulated by the server
        self.send_response(200)
        self.send_header("Content-Length", str(SIZE))
        self.end_headers()
        self.wfile.write(bytes(SIZE))

    def log_message(self, *args):
        pass


def get_page(url):
    with urllib.request.urlopen(url) as response:  # blocks until the whole body is here
        return response.read()


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    t0 = time.perf_counter()

    def say(msg):
        print(f"[+{time.perf_counter() - t0:.2f}s] {msg}", flush=True)

    for path in ["/www.baidu.com/", "/www.sina.com.cn/", "/www.python.org/"]:
        say(f"下载 download {path}")
        body = get_page(base + path)
        say(f"解析 parse {len(body)} bytes")
    server.shutdown()


if __name__ == "__main__":
    main()
