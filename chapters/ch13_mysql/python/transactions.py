"""A transfer between two accounts with aiomysql: committed, failed half-way, cancelled half-way.

Without the try/except, an error half-way would leave the transaction open on the connection;
aiomysql's pool then closes a connection released inside a transaction (pool.release checks
get_transaction_status()), and the server rolls back when the connection closes.
"""

import asyncio

import aiomysql

from database import config


class NoSuchAccount(Exception):
    def __str__(self):
        return f"there is no account {self.args[0]}"


async def create(pool):
    async with pool.acquire() as conn, conn.cursor() as cur:
        await cur.execute("DROP TABLE IF EXISTS ch13_accounts")
        await cur.execute(
            "CREATE TABLE ch13_accounts (id INT PRIMARY KEY, owner VARCHAR(50) NOT NULL,"
            " balance BIGINT NOT NULL) ENGINE = InnoDB"
        )
        await cur.executemany(
            "INSERT INTO ch13_accounts VALUES (%s, %s, %s)", [(1, "alice", 100), (2, "bob", 50)]
        )
        await conn.commit()


async def transfer(pool, source, target, amount, between=None):
    async with pool.acquire() as conn, conn.cursor() as cur:
        await conn.begin()
        try:
            await cur.execute(
                "UPDATE ch13_accounts SET balance = balance - %s WHERE id = %s AND balance >= %s",
                (amount, source, amount),
            )
            if cur.rowcount != 1:
                raise ValueError(f"account {source} cannot pay {amount}")
            if between:
                await between
            await cur.execute(
                "UPDATE ch13_accounts SET balance = balance + %s WHERE id = %s", (amount, target)
            )
            if cur.rowcount != 1:
                raise NoSuchAccount(target)
            await conn.commit()
        except Exception:
            await conn.rollback()
            raise


async def report(pool, what, outcome):
    print(f"{what}: {outcome}")
    async with pool.acquire() as conn, conn.cursor() as cur:
        await cur.execute("SELECT id, balance FROM ch13_accounts ORDER BY id")
        balances = list(await cur.fetchall())
    print(f"  now:     {balances}, total {sum(b for _, b in balances)}")


async def main():
    pool = await aiomysql.create_pool(minsize=1, maxsize=2, autocommit=True, **config())
    await create(pool)
    async with pool.acquire() as conn, conn.cursor() as cur:
        await cur.execute("SELECT id, balance FROM ch13_accounts ORDER BY id")
        balances = list(await cur.fetchall())
    print(f"opening:   {balances}, total {sum(b for _, b in balances)}")
    await transfer(pool, 1, 2, 30)
    await report(pool, "1 → 2, 30", "committed")
    try:
        await transfer(pool, 1, 3, 30)
    except NoSuchAccount as error:
        await report(pool, "1 → 3, 30", f"rolled back ({error})")
    try:
        await asyncio.wait_for(transfer(pool, 1, 2, 30, asyncio.sleep(1)), 0.1)
    except asyncio.TimeoutError:
        outcome = "rolled back (cancelled after 0.1 s, between debit and credit)"
        await report(pool, "1 → 2, 30", outcome)
    pool.close()
    await pool.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
