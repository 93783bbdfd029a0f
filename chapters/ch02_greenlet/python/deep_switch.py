"""A greenlet switches from deep inside an ordinary recursive walk."""
from greenlet import getcurrent, greenlet


def for_each_leaf(tree, depth, visit):
    if isinstance(tree, int):
        visit(tree, depth)
    else:
        for child in tree:
            for_each_leaf(child, depth + 1, visit)


main = getcurrent()
tree = [1, [2, [3, 4]], [[[5]]]]


def walk(_):
    # Deep inside the walk: stop here, hand the leaf to main, resume here later.
    for_each_leaf(tree, 0, lambda leaf, depth: main.switch((leaf, depth)))
    return None  # the walk is over: a finished greenlet's result goes to its parent, main


walker = greenlet(walk)
while (item := walker.switch(None)) is not None:
    leaf, depth = item
    print(f"main got leaf {leaf}, sent from depth {depth} of the recursive walk")
print(f"the walk returned None to its parent; walker dead: {str(walker.dead).lower()}")
