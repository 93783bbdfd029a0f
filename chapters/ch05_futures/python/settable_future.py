"""5.5.1 by hand: one future, three waiters; set twice; then a future that is cancelled."""
import asyncio
import time

T0 = time.perf_counter()
def say(msg): print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def waiter(i, fut):
    try:
        say(f"waiter {i}: got {await fut}")
    except asyncio.CancelledError:
        say(f"waiter {i}: cancelled")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    waiters = [asyncio.create_task(waiter(i, fut)) for i in range(3)]
    say("main: three waiters await one future")
    await asyncio.sleep(2)
    say('main: set_result("666")')
    fut.set_result("666")
    await asyncio.gather(*waiters)
    try:
        fut.set_result("777")
    except asyncio.InvalidStateError:
        say('main: set_result("777") again: the future is already done')

    fut = loop.create_future()
    waiters = [asyncio.create_task(waiter(i, fut)) for i in range(3)]
    await asyncio.sleep(1)
    # Python has no setter to drop; dropping ours does what cancel() does here.
    say("main: dropping the setter without a result")
    fut.cancel()
    await asyncio.gather(*waiters)


asyncio.run(main())
