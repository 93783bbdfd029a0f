"""A generator's next() in CPython: `python bench_generators.py next|depth5 N` prints
nanoseconds per next(): a plain generator, or one at the top of five generators chained by
`yield from`."""
import sys
import time

kind, n = sys.argv[1], int(sys.argv[2])


def counter():
    i = 0
    while True:
        yield i
        i += 1


def layer(depth):
    if depth == 1:
        return (yield from counter())
    return (yield from layer(depth - 1))


gen = counter() if kind == "next" else layer(5)
step = gen.__next__
start = time.perf_counter()
for _ in range(n):
    step()
elapsed = time.perf_counter() - start
assert step() == n
print(elapsed * 1e9 / n)
