//! Bound parameters versus a query built from a string.
//!
//! A query pasted together with `format!` (Python: an f-string or `%` on the SQL) lets the input
//! rewrite the SQL: the name `' OR '1'='1` turns `WHERE name = '…'` into a condition true for
//! every row, and the "find one user" query leaks them all. A bound parameter (`?` plus
//! `.bind(name)`; aiomysql: `cur.execute(sql, (name,))`) is sent apart from the SQL text and is
//! only ever a value.
//!
//! sqlx 0.9 makes the string-built version hard to write by accident: `sqlx::query` takes
//! only `&'static str` (or something marked [`AssertSqlSafe`]), so a `String` made at run time
//! does not compile:
//!
//! ```compile_fail,E0277
//! # async fn leak(pool: &sqlx::MySqlPool, name: &str) -> Result<(), sqlx::Error> {
//! let sql = format!("SELECT id FROM ch13_users WHERE name = '{name}'");
//! sqlx::query(sql).fetch_all(pool).await?; // error[E0277]: `String: SqlSafeStr` is not satisfied
//! # Ok(())
//! # }
//! ```
//!
//! [`find_by_name_string_built`] has to sign for it with `AssertSqlSafe`, which is exactly the
//! spot a reviewer should look at.

use crate::users::User;
use sqlx::{AssertSqlSafe, MySqlPool};

/// The classic injection: closes the string, then adds a condition that is always true.
pub const ATTACK: &str = "' OR '1'='1";

// ANCHOR: string_built
/// DON'T: the name is pasted into the SQL text.
pub async fn find_by_name_string_built(
    pool: &MySqlPool,
    name: &str,
) -> Result<Vec<User>, sqlx::Error> {
    let sql = format!("SELECT id, name, email FROM ch13_users WHERE name = '{name}' ORDER BY id");
    sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await
}
// ANCHOR_END: string_built

// ANCHOR: bound
/// DO: the name travels as a bound parameter, never as SQL.
pub async fn find_by_name(pool: &MySqlPool, name: &str) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, email FROM ch13_users WHERE name = ? ORDER BY id")
        .bind(name)
        .fetch_all(pool)
        .await
}
// ANCHOR_END: bound

/// The tour's section: the same attack against both queries.
pub fn show() {
    crate::database::run_listing(|url| async move {
        let pool = crate::database::pool(&url, 1).await?;
        crate::users::create(&pool).await?;
        shared::outln!("name = {ATTACK:?}");
        let leaked = find_by_name_string_built(&pool, ATTACK).await?;
        shared::outln!("string-built query: {} rows", leaked.len());
        for user in &leaked {
            shared::outln!("  {user}");
        }
        let bound = find_by_name(&pool, ATTACK).await?;
        shared::outln!("bound parameter:    {} rows", bound.len());
        pool.close().await;
        Ok(())
    });
}
