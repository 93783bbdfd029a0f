"""fetchall, fetchone, and rows streamed with an unbuffered SSCursor, as the Rust section does.

aiomysql's default cursor reads the whole result inside execute(); fetchone() then walks a list
already in memory. Only SSCursor (server-side, unbuffered) streams rows as they arrive.
"""

import asyncio

import aiomysql

from database import config

SAMPLE = [("alice", "alice@example.org"), ("bob", "bob@example.org"), ("carol", "carol@example.org")]
SELECT = "SELECT id, name, email FROM ch13_users"


async def create(cur):
    await cur.execute("DROP TABLE IF EXISTS ch13_users")
    await cur.execute(
        "CREATE TABLE ch13_users (id INT PRIMARY KEY AUTO_INCREMENT,"
        " name VARCHAR(50) NOT NULL UNIQUE, email VARCHAR(100) NOT NULL)"
    )
    for name, email in SAMPLE:
        await cur.execute("INSERT INTO ch13_users (name, email) VALUES (%s, %s)", (name, email))


def show(row):
    user_id, name, email = row
    return f"{user_id} {name} <{email}>"


async def main():
    conn = await aiomysql.connect(**config(), autocommit=True)
    async with conn.cursor() as cur:
        await create(cur)
        await cur.execute(f"{SELECT} ORDER BY id")
        rows = await cur.fetchall()
        print(f"fetch_all: {len(rows)} rows")
        for row in rows:
            print(f"  {show(row)}")
        await cur.execute(f"{SELECT} WHERE id = %s", (2,))
        print(f"fetch_one, id 2: {show(await cur.fetchone())}")
        await cur.execute(f"{SELECT} WHERE id = %s", (99,))
        row = await cur.fetchone()  # None: the "exactly one row" check is ours to write
        print("fetch_one, id 99: error, no row" if row is None else show(row))
        for name in ("carol", "dave"):
            await cur.execute(f"{SELECT} WHERE name = %s", (name,))
            row = await cur.fetchone()
            print(f"fetch_optional, {name}: {show(row) if row else None}")
    async with conn.cursor(aiomysql.SSCursor) as cur:
        await cur.execute(f"{SELECT} ORDER BY id")
        names = [name async for _, name, _ in cur]
    print(f"fetch as a stream: {', '.join(names)}")
    conn.close()


if __name__ == "__main__":
    asyncio.run(main())
