"""三.5.7 异步上下文管理器: the article's listing with its two bugs fixed.

- `__init__` stored `conn`, a name that does not exist (NameError): the connection is opened
  in `__aenter__`, so there is nothing to store yet.
- `f.do_something()` was not awaited: `result` was a coroutine object, printed as such.
"""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


def outcome(exc_type):
    if exc_type is None:
        return "the block returned"
    if issubclass(exc_type, asyncio.CancelledError):
        return "the block was cancelled"
    return "the block failed"


class AsyncContextManager:
    def __init__(self):
        self.conn = None  # opened by __aenter__

    async def do_something(self):
        return 666

    async def __aenter__(self):
        say("__aenter__: connecting")
        await asyncio.sleep(1)  # stands for the connection's handshake
        self.conn = "connection"
        say("__aenter__: connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        say(f"__aexit__: closing ({outcome(exc_type)})")
        await asyncio.sleep(1)  # stands for the goodbye
        self.conn = None
        say("__aexit__: closed")


async def func():
    async with AsyncContextManager() as f:
        result = await f.do_something()
        say(f"result = {result}")


asyncio.run(func())
