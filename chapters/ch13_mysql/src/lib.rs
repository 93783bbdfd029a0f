//! # Chapter 13 — Async MySQL with sqlx
//!
//! Retells the article's 四.2 异步MySQL (aiomysql) against a real MariaDB/MySQL server, with
//! [sqlx](https://docs.rs/sqlx): its MySQL driver on tokio, queries written as plain strings
//! and checked at run time (no compile-time `query!` macros, which need a live database while
//! compiling), no TLS (the server is on 127.0.0.1).
//!
//! | Python (aiomysql)                                  | Rust (sqlx)                                        |
//! |----------------------------------------------------|----------------------------------------------------|
//! | `aiomysql.connect(host=…, password=…, db=…)`       | `MySqlPool::connect(&std::env::var("DATABASE_URL")?)` |
//! | `cur = await conn.cursor(); await cur.execute(sql)`| `sqlx::query(sql).execute(&pool).await?`           |
//! | `await cur.fetchall()`                             | `.fetch_all(&pool)` → `Vec<T>`                     |
//! | `await cur.fetchone()`                             | `.fetch_optional(&pool)` → `Option<T>`, or `.fetch_one` → `T` or `RowNotFound` |
//! | `async for row in cur` (`SSCursor`)                | `.fetch(&pool)` → a `Stream`, `while let Some(row) = rows.try_next().await?` |
//! | a row as a tuple or a dict (`DictCursor`)          | `#[derive(FromRow)] struct User { … }` + `query_as` |
//! | `cur.execute("… WHERE name = %s", (name,))`        | `sqlx::query("… WHERE name = ?").bind(name)`       |
//! | `cur.execute(f"… WHERE name = '{name}'")`          | does not compile: `format!` gives a `String`, not `SqlSafeStr` |
//! | `pymysql.err.ProgrammingError: (1064, '…')`        | `sqlx::Error::Database`, `.number()` 1064          |
//! | `aiomysql.create_pool(minsize=5, maxsize=5)`       | `MySqlPoolOptions::new().min_connections(5).max_connections(5)` |
//! | `async with pool.acquire() as conn` (no timeout)   | `pool.acquire().await?` (`acquire_timeout`, then `PoolTimedOut`) |
//! | `await conn.begin()` … `commit()` / `rollback()`   | `let mut tx = pool.begin().await?` … `tx.commit().await?`; drop = rollback |
//!
//! Where the server comes from: `DATABASE_URL` (`mysql://user:password@host:port/database`);
//! the chapter only creates and drops its own tables, all named `ch13_…`.

pub mod article_listing;
pub mod bench;
pub mod database;
pub mod injection;
pub mod inserts;
pub mod memory;
pub mod pool;
mod tour;
pub mod transfer;
pub mod users;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch13`), the reference solutions otherwise.
#[cfg(feature = "attempt")]
#[path = "../exercises/mod.rs"]
pub mod exercises;
/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch13`), the reference solutions otherwise.
#[cfg(not(feature = "attempt"))]
#[path = "../solutions/mod.rs"]
pub mod exercises;
