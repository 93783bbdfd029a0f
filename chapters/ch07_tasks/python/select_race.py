"""Racing work against a timeout, and a worker that stops on a shutdown signal."""
import asyncio
from listing import job, say


async def worker(shutdown: asyncio.Event) -> int:
    handled = 0
    while not shutdown.is_set():
        try:
            await asyncio.wait_for(shutdown.wait(), timeout=1)
        except TimeoutError:
            handled += 1
            say(f"worker: item {handled} handled")
    say(f"worker: shutting down after {handled} items")
    return handled


async def main() -> None:
    try:
        async with asyncio.timeout(2):
            await job("work", 3)
    except TimeoutError:
        say("main: 2 s timer won, work dropped")

    shutdown = asyncio.Event()
    task = asyncio.create_task(worker(shutdown))
    await asyncio.sleep(2.5)
    say("main: shutdown requested")
    shutdown.set()
    await task


asyncio.run(main())
