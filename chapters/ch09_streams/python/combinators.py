"""Stream combinators, Python style: asyncio has no filter/map/take/chunks for async
iterators, so they are loops (or async comprehensions, which cannot stop early)."""

import asyncio
from listing import restart, say
from readlines_unfold import readlines


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
    restart()
    squares = await odd_squares(readlines(), 4)
    say(f"first 4 odd squares: {squares}")

    restart()
    chunks = await batches(readlines(), 10)
    say(f"{len(chunks)} batches of sizes {[len(b) for b in chunks]}")
    say(f"the last batch: {chunks[-1]}")


asyncio.run(main())
