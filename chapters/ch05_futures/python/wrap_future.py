"""5.5.2: await a thread pool's future (asyncio.wrap_future) instead of blocking on result()."""
import asyncio
import queue
from concurrent.futures import ThreadPoolExecutor

PATIENCE = 0.3


def ticket_job(pool):
    """Submit a job that waits for a ticket, and start the task that sends it."""
    tickets = queue.Queue()

    def job():
        try:
            return tickets.get(timeout=PATIENCE) * 2
        except queue.Empty:
            return None

    cfut = pool.submit(job)

    async def task_b():
        print("task B: runs, sends the ticket")
        tickets.put(21)

    return cfut, asyncio.create_task(task_b())


async def await_job(pool):
    cfut, _b = ticket_job(pool)
    print("main: awaiting the job")
    return await asyncio.wrap_future(cfut)


async def block_on_job(pool):
    cfut, _b = ticket_job(pool)
    print("main: calling result() inside async code")
    got = cfut.result()  # blocks the event loop's thread: task B cannot run
    await asyncio.sleep(0)  # task B's turn at last: too late for the job
    return got


def show(result):
    return "None" if result is None else f"Some({result})"


with ThreadPoolExecutor(max_workers=1) as pool:
    print(f"main: the job returned {show(asyncio.run(await_job(pool)))}")
    print()
    got = show(asyncio.run(block_on_job(pool)))
    print(f"main: the job returned {got} after waiting {int(PATIENCE * 1000)} ms for a ticket")
