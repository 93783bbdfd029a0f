"""100k rows with aiomysql: the default cursor (everything in memory) versus an SSCursor
(rows streamed), peak memory measured as the Rust section measures it (Linux /proc)."""

import asyncio
import re

import aiomysql

from database import config, create_items

ROWS = 100_000
SELECT = "SELECT id, name, payload FROM ch13_items"


def status_kib(field):
    with open("/proc/self/status", encoding="ascii") as status:
        return int(re.search(rf"^{field}:\s+(\d+) kB", status.read(), re.M)[1])


async def peak_growth(work):
    """Run `work` and return its result with how far the peak resident size rose, in bytes."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")  # reset VmHWM to the current resident size
    except OSError:
        return await work, None
    start = status_kib("VmRSS")
    result = await work
    return result, (status_kib("VmHWM") - start) * 1024


async def streamed(conn):
    rows = length = 0
    async with conn.cursor(aiomysql.SSCursor) as cur:
        await cur.execute(SELECT)
        async for _, name, payload in cur:
            rows, length = rows + 1, length + len(name) + len(payload)
    return rows, length


async def fetch_all(conn):
    async with conn.cursor() as cur:
        await cur.execute(SELECT)
        items = await cur.fetchall()
    return len(items), sum(len(name) + len(payload) for _, name, payload in items)


async def main():
    conn = await aiomysql.connect(**config())
    await create_items(conn, ROWS)
    # Streamed first, as in Rust: what fetchall leaves behind cannot flatter it.
    results = [
        ("fetch (streamed)", *await peak_growth(streamed(conn))),
        ("fetch_all", *await peak_growth(fetch_all(conn))),
    ]
    for how, (rows, length), peak in results:
        peak = "not measurable here (needs Linux /proc)" if peak is None else (
            f"peak memory +{peak / 1e6:.1f} MB"
        )
        print(f"{how:<16}: {rows} rows, {length} bytes of text, {peak}")
    conn.close()


if __name__ == "__main__":
    asyncio.run(main())
