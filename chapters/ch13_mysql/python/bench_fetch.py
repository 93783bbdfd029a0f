"""Benchmark: read N rows of ch13_items into memory with aiomysql; prints seconds."""

import asyncio
import sys
import time

import aiomysql

from database import config, create_items


async def main(rows):
    conn = await aiomysql.connect(**config())
    await create_items(conn, rows)
    start = time.perf_counter()
    async with conn.cursor() as cur:
        await cur.execute("SELECT id, name, payload FROM ch13_items")
        fetched = await cur.fetchall()
    seconds = time.perf_counter() - start
    assert len(fetched) == rows, len(fetched)
    conn.close()
    print(seconds)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
