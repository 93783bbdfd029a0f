"""An exhausted aiomysql pool: pool.acquire() has no timeout of its own and waits forever, so
the caller has to bound it (asyncio.wait_for); sqlx's pool has acquire_timeout built in."""

import asyncio
import time

import aiomysql

from database import config


async def main():
    pool = await aiomysql.create_pool(minsize=2, maxsize=2, **config())
    held = [await pool.acquire() for _ in range(2)]
    print("pool of 2, both connections held, no timeout of its own: wait_for(…, 0.5)")
    start = time.perf_counter()
    try:
        await asyncio.wait_for(pool.acquire(), 0.5)
    except asyncio.TimeoutError:
        print(f"a third acquire: TimeoutError after {time.perf_counter() - start:.2f} s")
    for conn in held:
        pool.release(conn)
    pool.close()
    await pool.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
