"""What greenlet costs in CPython: the three measurements of the Rust switch_cost section.

Not a parity script: run it with `python bench_switch.py` (greenlet installed).
`python bench_switch.py sibling|main N` prints one number instead, the nanoseconds per switch
of N round trips: `just bench` runs it that way, beside the Rust `Hub`.
"""
import sys
import time

from greenlet import getcurrent, greenlet

ROUND_TRIPS = 200_000
GREENLETS = 20_000


def per_switch(seconds, round_trips):
    return seconds * 1e9 / (2 * round_trips)


def main_round_trips(round_trips):
    main = getcurrent()

    def echo(value):
        while True:
            value = main.switch(value + 1)

    g = greenlet(echo)
    start = time.perf_counter()
    for i in range(round_trips):
        g.switch(i)
    return time.perf_counter() - start


def sibling_round_trips(round_trips):
    def ping(value):
        for _ in range(round_trips):
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


MEASUREMENTS = {"sibling": sibling_round_trips, "main": main_round_trips}

if len(sys.argv) == 1:
    main_ns = per_switch(main_round_trips(ROUND_TRIPS), ROUND_TRIPS)
    sibling_ns = per_switch(sibling_round_trips(ROUND_TRIPS), ROUND_TRIPS)
    print(f"greenlet, main <-> greenlet:     {main_ns:.0f} ns per switch")
    print(f"greenlet, greenlet <-> greenlet: {sibling_ns:.0f} ns per switch")
    print(f"a new greenlet, run to its end: {created_run_and_dropped() * 1e6 / GREENLETS:.2f} µs each")
elif len(sys.argv) == 3 and sys.argv[1] in MEASUREMENTS and sys.argv[2].isdigit() and int(sys.argv[2]) > 0:
    round_trips = int(sys.argv[2])
    print(per_switch(MEASUREMENTS[sys.argv[1]](round_trips), round_trips))
else:
    sys.exit("usage: python bench_switch.py [sibling|main ROUND_TRIPS]")
