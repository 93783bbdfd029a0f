"""Benchmark: insert N rows into ch13_items with aiomysql; prints seconds.

Modes: one_by_one (autocommit), in_transaction (one commit), batched (executemany, which
PyMySQL sends as multi-row INSERTs, 1000 rows per call).
"""

import asyncio
import sys
import time

import aiomysql

from database import config, create_items

INSERT = "INSERT INTO ch13_items (id, name, payload) VALUES (%s, %s, %s)"


async def main(mode, rows):
    conn = await aiomysql.connect(**config(), autocommit=True)
    await create_items(conn, 0)
    payload = "x" * 100
    start = time.perf_counter()
    async with conn.cursor() as cur:
        if mode == "one_by_one":
            for i in range(1, rows + 1):
                await cur.execute(INSERT, (i, f"item {i}", payload))
        elif mode == "in_transaction":
            await conn.begin()
            for i in range(1, rows + 1):
                await cur.execute(INSERT, (i, f"item {i}", payload))
            await conn.commit()
        elif mode == "batched":
            for begin in range(1, rows + 1, 1000):
                end = min(begin + 1000, rows + 1)
                await cur.executemany(INSERT, [(i, f"item {i}", payload) for i in range(begin, end)])
        else:
            sys.exit(f"unknown mode {mode!r}: one_by_one, in_transaction or batched")
    seconds = time.perf_counter() - start
    async with conn.cursor() as cur:
        await cur.execute("SELECT COUNT(*) FROM ch13_items")
        (count,) = await cur.fetchone()
    assert count == rows, count
    conn.close()
    print(seconds)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000))
