"""三.3.2 yield: yield and yield from (runs unchanged on any Python 3)."""


def func1():
    yield 1
    yield from func2()  # func2's values come out of func1
    yield 2


def func2():
    yield 3
    yield 4


f1 = func1()  # a generator object: nothing has run yet
for item in f1:
    print(item)
