"""5.5.1 example 2: another task sets the future's result after 2 s."""
import asyncio
import time

T0 = time.perf_counter()
def say(msg): print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def set_after(fut):
    await asyncio.sleep(2)
    say('set_after: set_result("666")')
    fut.set_result("666")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    # Keep a reference to the task: the loop itself only holds a weak one.
    task = asyncio.create_task(set_after(fut))
    say("main: awaiting the future")
    data = await fut  # the article awaits the task first; not needed
    say(f"main: got {data}")
    await task


asyncio.run(main())
