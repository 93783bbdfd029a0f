"""四.2 异步MySQL: the article's aiomysql listing, fixed.

Fixed: the configuration comes from DATABASE_URL (no password in the source), "connected" is
printed after connecting, the query is sent once as written (stray comma: error 1064) and then
without the comma, against mysql.user, which needs a user allowed to read it (error 1142
otherwise). The cursor and the connection are closed by `async with`.
"""

import asyncio

import aiomysql
import pymysql

from database import config

ARTICLE_QUERY = "SELECT HOST, User, FROM user"
FIXED_QUERY = (
    "SELECT Host, User FROM mysql.user WHERE Host IN ('localhost', '%') ORDER BY User, Host"
)


async def execute():
    conn = await aiomysql.connect(**config())
    print("connected (after connecting, unlike the article)")
    async with conn.cursor() as cur:
        for sql in (ARTICLE_QUERY, FIXED_QUERY):
            print(sql)
            try:
                await cur.execute(sql)
            except pymysql.MySQLError as error:
                number, message = error.args
                print(f"  error {number}: {message}")
                continue
            for host, user in await cur.fetchall():
                print(f"  {user}@{host}")
    conn.close()


if __name__ == "__main__":
    asyncio.run(execute())
