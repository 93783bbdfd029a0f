"""5.1: the article's pseudo-code event loop, taken literally, with its cost.

No asyncio: the "loop" is a list of coroutines that it resumes (`send(None)`) over and over
until every one has finished. `busy_sleep` answers "not yet" by yielding until its time has
passed, so nothing ever tells the loop when a task can go on: it has to keep asking.
"""

import time

T0 = time.perf_counter()
pass_time = T0  # the loop reads the clock once per pass; every task of a pass sees this


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


class busy_sleep:
    """Awaitable that is done once `seconds` have passed; until then each resume says 'not yet'."""

    def __init__(self, seconds):
        self.seconds = seconds

    def __await__(self):
        deadline = pass_time + self.seconds
        while pass_time < deadline:
            yield  # hand control back to the loop: not ready yet


async def func1():
    say(1)
    await busy_sleep(2)
    say(2)


async def func2():
    say(3)
    await busy_sleep(2)
    say(4)


def run_polling_loop(tasks):
    """任务列表 = [...]; while True: check every task, run the ready, drop the finished."""
    global pass_time
    polls = 0
    while tasks:
        pass_time = time.perf_counter()
        for task in list(tasks):
            polls += 1
            try:
                task.send(None)
            except StopIteration:
                tasks.remove(task)
    return polls


cpu_before = time.thread_time()
polls = run_polling_loop([func1(), func2()])
print(f"the loop polled {polls / 1e6:.1f} million times")
wall = time.perf_counter() - T0
print(f"wall time {wall:.2f} s, CPU time {time.thread_time() - cpu_before:.2f} s")
