"""Stream combinators, Python style: asyncio has no filter/map/take/chunks for async
iterators, so they are loops (or async comprehensions, which cannot stop early)."""

import asyncio
import time

T0 = time.perf_counter()


def say(msg):
    print(f"[+{time.perf_counter() - T0:.2f}s] {msg}", flush=True)


async def readlines(pause=0.01):
    start, count = time.monotonic(), 0
    while True:
        count += 1
        await asyncio.sleep(start + count * pause - time.monotonic())  # until the line is due
        if count == 100:
            return
        yield count


async def odd_squares(lines, n):
    squares = []
    async for line in lines:  # filter, map, take: by hand
        if line % 2 == 1:
            squares.append(line * line)
            if len(squares) == n:
                break  # stop pulling: line 8 is never read
    return squares


async def batches(lines, size):
    out, batch = [], []
    async for line in lines:
        batch.append(line)
        if len(batch) == size:
            out.append(batch)
            batch = []
    return out + [batch] if batch else out


async def main():
    global T0
    T0 = time.perf_counter()
    squares = await odd_squares(readlines(), 4)
    say(f"first 4 odd squares: {squares}")

    T0 = time.perf_counter()
    chunks = await batches(readlines(), 10)
    say(f"{len(chunks)} batches of sizes {[len(b) for b in chunks]}")
    say(f"the last batch: {chunks[-1]}")


asyncio.run(main())
