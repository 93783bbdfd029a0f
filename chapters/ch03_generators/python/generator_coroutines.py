"""三.3.3 asyncio without @asyncio.coroutine (removed in Python 3.11): the same idea, by hand.

Coroutines are plain generators that yield sleep requests; a tiny loop resumes them,
parks each one until its deadline and sleeps until the earliest one.
"""

import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


def sleep(delay):
    yield delay  # "resume me after `delay` seconds"


def func(before, after):
    say(before)
    yield from sleep(2)  # the loop runs the others meanwhile
    say(after)


def run_until_complete(coroutines):
    ready, sleeping = list(coroutines), []
    while ready or sleeping:
        for coroutine in ready:
            try:
                delay = next(coroutine)
            except StopIteration:
                continue  # it returned
            sleeping.append((time.perf_counter() + delay, coroutine))
        ready = []
        if sleeping:
            earliest = min(deadline for deadline, _ in sleeping)
            time.sleep(max(0.0, earliest - time.perf_counter()))
            now = time.perf_counter()
            ready = [c for deadline, c in sleeping if deadline <= now]
            sleeping = [(deadline, c) for deadline, c in sleeping if deadline > now]


run_until_complete([func(1, 2), func(3, 4)])
say("all done")
