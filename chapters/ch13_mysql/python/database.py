"""Where the chapter's database comes from: DATABASE_URL, never a password in the source.

The article passes aiomysql a dict with the host, the user and the password written into the
program. Here the whole configuration is one URL, mysql://user:password@host:port/database,
read from the environment, and turned into aiomysql's keyword arguments.
"""

import os
import sys
import warnings
from urllib.parse import unquote, urlsplit

import pymysql

# DROP TABLE IF EXISTS on a missing table is a server warning, which PyMySQL turns into a
# Python warning on stderr; the Rust side ignores it too.
warnings.filterwarnings("ignore", category=pymysql.Warning)


def config():
    """aiomysql.connect()'s keyword arguments, from DATABASE_URL."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("set DATABASE_URL=mysql://user:password@127.0.0.1:3306/database")
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "db": parts.path.lstrip("/"),
    }


async def create_items(conn, rows):
    """(Re)create ch13_items with `rows` rows, 1000 per INSERT, as the Rust side does."""
    async with conn.cursor() as cur:
        await cur.execute("DROP TABLE IF EXISTS ch13_items")
        await cur.execute(
            "CREATE TABLE ch13_items (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
            " payload VARCHAR(200) NOT NULL)"
        )
        payload = "x" * 100
        for start in range(1, rows + 1, 1000):
            batch = [(i, f"item {i}", payload) for i in range(start, min(start + 1000, rows + 1))]
            await cur.executemany(
                "INSERT INTO ch13_items (id, name, payload) VALUES (%s, %s, %s)", batch
            )
    await conn.commit()
