"""三.3.2 yield, continued: send() into a generator; yield from evaluates to the inner return value."""


def accumulate():
    total = 0
    while (x := (yield total)) is not None:
        total += x
    return total


def gather_tallies(count):
    tallies = []
    for _ in range(count):
        tally = yield from accumulate()  # sends pass through; the return value lands here
        tallies.append(tally)
    return tallies


def describe(generator, value):
    try:
        return f"yielded {generator.send(value)}"
    except StopIteration as stop:
        return f"returned {stop.value}"


def drive(generator, sends):
    print(f"  start     -> {describe(generator, None)}")  # next(generator)
    for value in sends:
        print(f"  {f'send {value}':<9} -> {describe(generator, value)}")


print("accumulate():")
drive(accumulate(), [10, 5, None])
print("gather_tallies(2), each tally a `yield from accumulate()`:")
drive(gather_tallies(2), [1, 2, None, 10, None])
