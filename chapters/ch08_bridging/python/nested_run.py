"""Blocking on a coroutine from inside a running loop is refused in Python too.

Not a parity script: Python's messages differ from tokio's.
"""
import asyncio


async def fetch_price(item):
    await asyncio.sleep(0.1)
    return item * 10


async def main():
    coro = fetch_price(1)
    try:
        asyncio.run(coro)  # Handle::block_on inside a task
    except RuntimeError as error:
        print(f"asyncio.run(fetch_price(1)) in a task raised: {error}")
        coro.close()  # it never ran; close it so Python does not warn "never awaited"
    print(f"await fetch_price(1) in a task: {await fetch_price(1)}")


asyncio.run(main())
