"""5.5.1 example 1: awaiting a future nobody sets, bounded by a timeout (the article's hangs)."""
import asyncio
import time

T0 = time.perf_counter()
def say(msg): print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def main():
    loop = asyncio.get_running_loop()
    say("awaiting a future that never resolves, for at most 2 s")
    try:
        await asyncio.wait_for(loop.create_future(), 2)  # the article awaits it with no bound
    except TimeoutError:
        say("gave up: deadline has elapsed")
    fut = loop.create_future()  # kept alive, never set: the same hang
    try:
        await asyncio.wait_for(fut, 2)
    except TimeoutError:
        say("a oneshot whose sender is alive but never sends: gave up: deadline has elapsed")


asyncio.run(main())
