"""三.3.1 greenlet: the article's greenlet listing, fixed (`pip install greenlet`, not `insatll`)."""
from greenlet import greenlet


def func1():
    print(1)  # step 1
    gr2.switch()  # step 2: jump into func2
    print(2)  # step 5
    gr2.switch()  # step 6: back into func2, where it stopped


def func2():
    print(3)  # step 3
    gr1.switch()  # step 4: back into func1, where it stopped
    print(4)  # step 7, then func2 returns: control goes to its parent, main


gr1 = greenlet(func1)
gr2 = greenlet(func2)
gr1.switch()
