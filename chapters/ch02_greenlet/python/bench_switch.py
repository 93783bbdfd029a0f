"""What greenlet costs in CPython: the three measurements of the Rust switch_cost section.

Not a parity script: run it with `python bench_switch.py` (greenlet installed).
"""
import time

from greenlet import getcurrent, greenlet

ROUND_TRIPS = 200_000
GREENLETS = 20_000


def per_switch(seconds):
    return round(seconds * 1e9 / (2 * ROUND_TRIPS))


def main_round_trips():
    main = getcurrent()

    def echo(value):
        while True:
            value = main.switch(value + 1)

    g = greenlet(echo)
    start = time.perf_counter()
    for i in range(ROUND_TRIPS):
        g.switch(i)
    return time.perf_counter() - start


def sibling_round_trips():
    def ping(value):
        for _ in range(ROUND_TRIPS):
            value = pong.switch(value + 1)
        return value

    def pong_run(value):
        while True:
            value = ping_g.switch(value + 1)

    ping_g = greenlet(ping)
    pong = greenlet(pong_run)
    start = time.perf_counter()
    ping_g.switch(0)
    return time.perf_counter() - start


def created_run_and_dropped():
    start = time.perf_counter()
    for i in range(GREENLETS):
        greenlet(lambda v: v + 1).switch(i)
    return time.perf_counter() - start


print(f"greenlet, main <-> greenlet:     {per_switch(main_round_trips())} ns per switch")
print(f"greenlet, greenlet <-> greenlet: {per_switch(sibling_round_trips())} ns per switch")
print(f"a new greenlet, run to its end: {created_run_and_dropped() * 1e6 / GREENLETS:.2f} µs each")
