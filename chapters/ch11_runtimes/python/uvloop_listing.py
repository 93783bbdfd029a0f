"""三.6 uvloop: the article's listing, and the form current uvloop recommends.

Run with the project's venv: `.venv/bin/python chapters/ch11_runtimes/python/uvloop_listing.py`.
"""
import asyncio
import warnings

import uvloop

warnings.simplefilter("default")  # show DeprecationWarnings, which Python hides by default


async def main():
    loop = asyncio.get_running_loop()
    return f"{type(loop).__module__}.{type(loop).__name__}"


# The article's form: a policy, then asyncio.run(). uvloop 0.23 documents EventLoopPolicy as
# deprecated (gone with Python 3.16); on Python 3.11 it still works and warns nothing.
asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
print("policy + asyncio.run():", asyncio.run(main()))
asyncio.set_event_loop_policy(None)

# The current form: uvloop.run() makes a uvloop loop for this one run (asyncio.Runner with a
# loop_factory on 3.11, asyncio.run(loop_factory=...) on 3.12+); no global policy is changed.
print("uvloop.run():          ", uvloop.run(main()))
print("plain asyncio.run():   ", asyncio.run(main()))
