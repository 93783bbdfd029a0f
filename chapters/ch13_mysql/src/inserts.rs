//! Three ways to insert many rows, and why their speeds differ by orders of magnitude.
//!
//! - one by one, each its own transaction (autocommit): one round trip *and* one commit per
//!   row, and a commit waits for the server to flush its log to disk;
//! - one by one inside one transaction: still one round trip per row, but one commit;
//! - batched, `INSERT … VALUES (…), (…), …` with [`memory::BATCH`] rows per statement: one round
//!   trip and one commit per batch.
//!
//! aiomysql: `await cur.execute(sql, row)` in a loop with `autocommit=True`; the same loop
//! between `await conn.begin()` and `await conn.commit()`; `await cur.executemany(sql, rows)`,
//! which PyMySQL rewrites into multi-row `INSERT`s. `just bench` times all three beside
//! aiomysql's.
//!
//! They all write into `ch13_items` (see [`crate::memory`]), ids from 1.

use crate::memory;
use sqlx::{MySqlPool, QueryBuilder};

const INSERT: &str = "INSERT INTO ch13_items (id, name, payload) VALUES (?, ?, ?)";

fn payload() -> String {
    "x".repeat(100)
}

// ANCHOR: one_by_one
/// `rows` single-row `INSERT`s, each committed on its own.
pub async fn one_by_one(pool: &MySqlPool, rows: i32) -> Result<(), sqlx::Error> {
    let payload = payload();
    for id in 1..=rows {
        sqlx::query(INSERT)
            .bind(id)
            .bind(format!("item {id}"))
            .bind(&payload)
            .execute(pool)
            .await?;
    }
    Ok(())
}
// ANCHOR_END: one_by_one

// ANCHOR: in_transaction
/// The same `INSERT`s, committed once at the end.
pub async fn in_transaction(pool: &MySqlPool, rows: i32) -> Result<(), sqlx::Error> {
    let payload = payload();
    let mut tx = pool.begin().await?;
    for id in 1..=rows {
        sqlx::query(INSERT)
            .bind(id)
            .bind(format!("item {id}"))
            .bind(&payload)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await
}
// ANCHOR_END: in_transaction

// ANCHOR: batched
/// Multi-row `INSERT`s of [`memory::BATCH`] rows each.
pub async fn batched(pool: &MySqlPool, rows: i32) -> Result<(), sqlx::Error> {
    let payload = payload();
    for start in (1..=rows).step_by(memory::BATCH) {
        let end = (start + memory::BATCH as i32 - 1).min(rows);
        let mut insert = QueryBuilder::new("INSERT INTO ch13_items (id, name, payload) ");
        insert.push_values(start..=end, |mut row, id| {
            row.push_bind(id)
                .push_bind(format!("item {id}"))
                .push_bind(&payload);
        });
        insert.build().execute(pool).await?;
    }
    Ok(())
}
// ANCHOR_END: batched
