"""50 x SELECT SLEEP(0.1) on an aiomysql pool of 5, then of 50."""

import asyncio
import math
import time

import aiomysql

from database import config

QUERIES, SLEEP_SECONDS = 50, 0.1


async def one_query(pool):
    async with pool.acquire() as conn, conn.cursor() as cur:
        await cur.execute("SELECT SLEEP(%s)", (SLEEP_SECONDS,))


async def main():
    for size in (5, 50):
        pool = await aiomysql.create_pool(minsize=size, maxsize=size, **config())
        start = time.perf_counter()
        await asyncio.gather(*(one_query(pool) for _ in range(QUERIES)))
        took = time.perf_counter() - start
        bound = math.ceil(QUERIES / size) * SLEEP_SECONDS
        print(
            f"{QUERIES} × SELECT SLEEP({SLEEP_SECONDS}) on a pool of {size:>2}:"
            f" {took:.2f} s (bound {bound:.2f} s)"
        )
        pool.close()
        await pool.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
