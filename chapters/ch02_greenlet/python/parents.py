"""Where control goes when a greenlet finishes, and where its exception goes."""
from greenlet import greenlet


def finish(n):
    print(f"finisher: returning {n * 2}")
    return n * 2


def fail(_):
    try:
        print("failer: failing")
        raise RuntimeError("failer failed")
    finally:
        print("failer: my cleanup runs while the failure leaves my stack")


def run_outer(n):
    print(f"outer: switching to finisher with {n}")
    result = finisher.switch(n)
    print(f"outer: finisher is done; its result came back to its parent: {result}")
    try:
        failer.switch(0)
    except RuntimeError as error:
        print(f"outer: failer's error surfaced in my switch call: {error}")
    landed = finisher.switch(7)
    print(f"outer: a switch to the dead finisher landed in its parent, me, with {landed}")
    print("outer: failing, with only main left to catch it")
    raise RuntimeError("outer failed")


outer = greenlet(run_outer)  # parent: main
finisher = greenlet(finish, parent=outer)
failer = greenlet(fail, parent=outer)
try:
    outer.switch(21)
except RuntimeError as error:
    print(f"main: outer's error surfaced in main's switch call: {error}")
dead = lambda g: str(g.dead).lower()  # noqa: E731
print(f"main: dead? outer {dead(outer)}, finisher {dead(finisher)}, failer {dead(failer)}")
