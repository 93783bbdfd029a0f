"""The article's "no locking needed" (三.1 协程), tested: an await between read and write.

asyncio runs every task on one thread, so nothing interrupts a task between two awaits. But an
await between reading shared state and writing it back lets the other tasks in: all three read
0, and two of the three additions are lost. An asyncio.Lock held across the await fixes it, as
a tokio::sync::Mutex does in lost_update.rs.
"""
import asyncio
from listing import say

SLOW = 0.1


# ANCHOR: add_one
async def add_one(state: dict) -> None:
    value = state["count"]
    await asyncio.sleep(SLOW)  # another task runs here and reads the same value
    state["count"] = value + 1
# ANCHOR_END: add_one


async def add_one_locked(state: dict, lock: asyncio.Lock) -> None:
    async with lock:  # held across the await: the tasks take turns
        value = state["count"]
        await asyncio.sleep(SLOW)
        state["count"] = value + 1


async def main() -> None:
    print("3 tasks each read the count, await 0.1 s, write it plus 1")
    state = {"count": 0}
    await asyncio.gather(*(add_one(state) for _ in range(3)))
    say(f"without a lock: count = {state['count']}")
    state = {"count": 0}
    lock = asyncio.Lock()
    await asyncio.gather(*(add_one_locked(state, lock) for _ in range(3)))
    say(f"with a lock held across the await: count = {state['count']}")


asyncio.run(main())
