"""greenlet's switch in CPython: `python bench_greenlet_switch.py sibling|main N` prints
nanoseconds per switch (N round trips, two switches each)."""
import sys
import time

from greenlet import getcurrent, greenlet

kind, rounds = sys.argv[1], int(sys.argv[2])


def sibling():
    def ping(value):
        for _ in range(rounds):
            value = pong.switch(value + 1)
        return value

    def pong_run(value):
        while True:
            value = ping_g.switch(value + 1)

    ping_g, pong = greenlet(ping), greenlet(pong_run)
    start = time.perf_counter()
    ping_g.switch(0)
    return time.perf_counter() - start


def main_and_greenlet():
    main = getcurrent()

    def echo(value):
        while True:
            value = main.switch(value + 1)

    g = greenlet(echo)
    start = time.perf_counter()
    for i in range(rounds):
        g.switch(i)
    return time.perf_counter() - start


elapsed = sibling() if kind == "sibling" else main_and_greenlet()
print(elapsed * 1e9 / (2 * rounds))
