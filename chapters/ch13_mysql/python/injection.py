"""' OR '1'='1 against a query built with an f-string, and against a bound parameter."""

import asyncio

import aiomysql

from database import config
from fetching import create, show

ATTACK = "' OR '1'='1"


async def main():
    conn = await aiomysql.connect(**config(), autocommit=True)
    async with conn.cursor() as cur:
        await create(cur)
        print(f'name = "{ATTACK}"')
        # DON'T: the name becomes part of the SQL.
        await cur.execute(
            f"SELECT id, name, email FROM ch13_users WHERE name = '{ATTACK}' ORDER BY id"
        )
        leaked = await cur.fetchall()
        print(f"string-built query: {len(leaked)} rows")
        for row in leaked:
            print(f"  {show(row)}")
        # DO: the name travels as a parameter (PyMySQL escapes it into a string literal).
        await cur.execute(
            "SELECT id, name, email FROM ch13_users WHERE name = %s ORDER BY id", (ATTACK,)
        )
        print(f"bound parameter:    {len(await cur.fetchall())} rows")
    conn.close()


if __name__ == "__main__":
    asyncio.run(main())
