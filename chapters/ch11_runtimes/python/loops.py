"""Run a benchmark's coroutine on the loop named on the command line: asyncio or uvloop."""
import asyncio
import sys


def run(main):
    """`asyncio.run(main())` or `uvloop.run(main())`, as argv[1] says."""
    name = sys.argv[1]
    if name == "asyncio":
        return asyncio.run(main())
    if name == "uvloop":
        import uvloop

        return uvloop.run(main())
    raise SystemExit(f"unknown loop {name!r}: asyncio or uvloop")


def size():
    """The workload's size: argv[2]."""
    return int(sys.argv[2])
