//! The three ways to insert write the same rows.

mod common;

use ch13_mysql::{inserts, memory};
use common::{check_eq, with_pool};
use libtest_mimic::{Failed, Trial};

fn main() -> std::process::ExitCode {
    common::run(vec![Trial::test(
        "one_by_one_in_a_transaction_and_batched_write_the_same_rows",
        one_by_one_in_a_transaction_and_batched_write_the_same_rows,
    )])
}

fn one_by_one_in_a_transaction_and_batched_write_the_same_rows() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        // Not a multiple of the batch size: the last batch is short.
        let rows = 2_345;
        let mut seen = Vec::new();
        for method in ["one_by_one", "in_transaction", "batched"] {
            memory::create(&pool, 0).await?;
            match method {
                "one_by_one" => inserts::one_by_one(&pool, rows).await?,
                "in_transaction" => inserts::in_transaction(&pool, rows).await?,
                _ => inserts::batched(&pool, rows).await?,
            }
            let (count, length) = memory::total_length_streamed(&pool).await?;
            let (min, max): (i32, i32) = sqlx::query_as("SELECT MIN(id), MAX(id) FROM ch13_items")
                .fetch_one(&pool)
                .await?;
            check_eq((count, min, max), (rows as usize, 1, rows), method)?;
            seen.push(length);
        }
        check_eq(seen[0], seen[1], "one by one and in a transaction")?;
        check_eq(seen[0], seen[2], "one by one and batched")
    })
}
