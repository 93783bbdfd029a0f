//! The chapter's sample table, `ch13_users`, and the four ways to read it.
//!
//! aiomysql's cursor has `fetchall()`, `fetchone()` and `async for row in cursor`; sqlx puts the
//! same choices on the query itself, and says in the type what each one promises:
//!
//! | aiomysql                                   | sqlx                        | gives                          |
//! |--------------------------------------------|-----------------------------|--------------------------------|
//! | `await cur.fetchall()`                     | `.fetch_all(&pool)`         | `Vec<User>`                    |
//! | `await cur.fetchone()`, then `assert row`  | `.fetch_one(&pool)`         | `User`, or `Error::RowNotFound`|
//! | `await cur.fetchone()` (may be `None`)     | `.fetch_optional(&pool)`    | `Option<User>`                 |
//! | `async for row in cur` on an `SSCursor`    | `.fetch(&pool)`             | a `Stream` of `User`s          |
//!
//! aiomysql's default cursor reads the whole result when `execute` returns, so its `fetchone`
//! and `async for` only walk a list already in memory; only the unbuffered `SSCursor` streams.
//! sqlx's `fetch` always streams: rows are decoded as they arrive (see [`crate::memory`]).

use futures::TryStreamExt;
use sqlx::{FromRow, MySqlPool};

// ANCHOR: user
/// One row of `ch13_users`, read by column name (`#[derive(FromRow)]`).
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct User {
    /// The primary key.
    pub id: i32,
    /// A unique login name.
    pub name: String,
    /// The user's e-mail address: what an injection would leak.
    pub email: String,
}
// ANCHOR_END: user

/// The sample users, in id order.
pub const SAMPLE: [(&str, &str); 3] = [
    ("alice", "alice@example.org"),
    ("bob", "bob@example.org"),
    ("carol", "carol@example.org"),
];

/// (Re)create `ch13_users` with the [`SAMPLE`] rows.
pub async fn create(pool: &MySqlPool) -> Result<(), sqlx::Error> {
    sqlx::query("DROP TABLE IF EXISTS ch13_users")
        .execute(pool)
        .await?;
    sqlx::query(
        "CREATE TABLE ch13_users (
             id INT PRIMARY KEY AUTO_INCREMENT,
             name VARCHAR(50) NOT NULL UNIQUE,
             email VARCHAR(100) NOT NULL
         )",
    )
    .execute(pool)
    .await?;
    for (name, email) in SAMPLE {
        sqlx::query("INSERT INTO ch13_users (name, email) VALUES (?, ?)")
            .bind(name)
            .bind(email)
            .execute(pool)
            .await?;
    }
    Ok(())
}

// ANCHOR: fetch_all
/// Every user, in one `Vec`: the whole result is in memory when the call returns.
pub async fn all(pool: &MySqlPool) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, email FROM ch13_users ORDER BY id")
        .fetch_all(pool)
        .await
}
// ANCHOR_END: fetch_all

// ANCHOR: fetch_one
/// Exactly one user: no row is an error (`sqlx::Error::RowNotFound`), not a `None`.
pub async fn by_id(pool: &MySqlPool, id: i32) -> Result<User, sqlx::Error> {
    sqlx::query_as("SELECT id, name, email FROM ch13_users WHERE id = ?")
        .bind(id)
        .fetch_one(pool)
        .await
}
// ANCHOR_END: fetch_one

// ANCHOR: fetch_optional
/// At most one user: no row is `Ok(None)`, and the type makes the caller handle it.
pub async fn by_name(pool: &MySqlPool, name: &str) -> Result<Option<User>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, email FROM ch13_users WHERE name = ?")
        .bind(name)
        .fetch_optional(pool)
        .await
}
// ANCHOR_END: fetch_optional

// ANCHOR: fetch_stream
/// Walk the users one row at a time as they arrive (`async for` over an unbuffered cursor),
/// keeping only the names.
pub async fn names_streamed(pool: &MySqlPool) -> Result<Vec<String>, sqlx::Error> {
    let mut rows =
        sqlx::query_as::<_, User>("SELECT id, name, email FROM ch13_users ORDER BY id").fetch(pool);
    let mut names = Vec::new();
    while let Some(user) = rows.try_next().await? {
        names.push(user.name);
    }
    Ok(names)
}
// ANCHOR_END: fetch_stream

impl std::fmt::Display for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} <{}>", self.id, self.name, self.email)
    }
}

/// The tour's section: the four ways to read rows.
pub fn show() {
    crate::database::run_listing(|url| async move {
        let pool = crate::database::pool(&url, 1).await?;
        create(&pool).await?;
        let users = all(&pool).await?;
        shared::outln!("fetch_all: {} rows", users.len());
        for user in users {
            shared::outln!("  {user}");
        }
        shared::outln!("fetch_one, id 2: {}", by_id(&pool, 2).await?);
        match by_id(&pool, 99).await {
            Ok(user) => shared::outln!("fetch_one, id 99: {user}"),
            Err(sqlx::Error::RowNotFound) => shared::outln!("fetch_one, id 99: error, no row"),
            Err(error) => return Err(error),
        }
        for name in ["carol", "dave"] {
            match by_name(&pool, name).await? {
                Some(user) => shared::outln!("fetch_optional, {name}: {user}"),
                None => shared::outln!("fetch_optional, {name}: None"),
            }
        }
        shared::outln!(
            "fetch as a stream: {}",
            names_streamed(&pool).await?.join(", ")
        );
        pool.close().await;
        Ok(())
    });
}
