"""Plain threads calling a coroutine on a loop that runs in another thread."""
import asyncio
import threading
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def fetch_price(item):
    await asyncio.sleep(0.1)
    return item * 10


def main():
    global T0
    loop = asyncio.new_event_loop()  # the runtime, driven by a thread of its own
    threading.Thread(target=loop.run_forever, daemon=True).start()
    T0 = time.perf_counter()
    prices = [None] * 3

    def plain_thread(i, item):
        # Handle::block_on(fetch_price(item)): submit to the loop, block this thread for the result.
        prices[i] = asyncio.run_coroutine_threadsafe(fetch_price(item), loop).result()

    threads = [threading.Thread(target=plain_thread, args=(i, item)) for i, item in enumerate([1, 2, 3])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    say(f"three plain threads got {prices}")
    loop.call_soon_threadsafe(loop.stop)


main()
