//! Chapter 13's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch13` (`--features attempt`).

mod common;

use ch13_mysql::exercises::{apply_payment, page_after};
use ch13_mysql::{memory, transfer};
use common::{check, check_eq, with_pool};
use futures::future::try_join_all;
use libtest_mimic::{Failed, Trial};
use sqlx::MySqlConnection;

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "pages_cover_every_row_once_in_order",
            pages_cover_every_row_once_in_order,
        ),
        Trial::test(
            "a_deleted_row_does_not_shift_the_next_page",
            a_deleted_row_does_not_shift_the_next_page,
        ),
        Trial::test(
            "a_deep_page_reads_about_limit_rows",
            a_deep_page_reads_about_limit_rows,
        ),
        Trial::test("a_payment_applies_once", a_payment_applies_once),
        Trial::test(
            "twenty_concurrent_retries_pay_once",
            twenty_concurrent_retries_pay_once,
        ),
    ])
}

fn ids(items: &[memory::Item]) -> Vec<i32> {
    items.iter().map(|i| i.id).collect()
}

fn pages_cover_every_row_once_in_order() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        memory::create(&pool, 95).await?;
        // Gaps in the ids: a page is not an id range.
        sqlx::query("DELETE FROM ch13_items WHERE id % 7 = 0")
            .execute(&pool)
            .await?;
        let mut conn = pool.acquire().await?;
        let (mut seen, mut after, mut pages) = (Vec::new(), None, 0);
        loop {
            let page = page_after(&mut conn, after, 10).await?;
            check(page.len() <= 10, format!("a page of {} rows", page.len()))?;
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            seen.extend(ids(&page));
            pages += 1;
            check(pages <= 20, "more pages than rows")?;
        }
        let want: Vec<i32> = (1..=95).filter(|id| id % 7 != 0).collect();
        check_eq(seen, want, "every id once, in order")
    })
}

fn a_deleted_row_does_not_shift_the_next_page() -> Result<(), Failed> {
    with_pool(2, |pool, _| async move {
        memory::create(&pool, 40).await?;
        let mut conn = pool.acquire().await?;
        let first = page_after(&mut conn, None, 10).await?;
        check_eq(ids(&first), (1..=10).collect(), "first page")?;
        // Someone deletes rows the reader has already seen.
        sqlx::query("DELETE FROM ch13_items WHERE id <= 5")
            .execute(&pool)
            .await?;
        let second = page_after(&mut conn, Some(10), 10).await?;
        check_eq(ids(&second), (11..=20).collect(), "second page")
    })
}

/// Rows the server read for this connection so far (`Handler_read_*` counters).
async fn rows_read(conn: &mut MySqlConnection) -> Result<i64, sqlx::Error> {
    let counters: Vec<(String, String)> =
        sqlx::query_as("SHOW SESSION STATUS LIKE 'Handler_read%'")
            .fetch_all(&mut *conn)
            .await?;
    Ok(counters
        .iter()
        .filter_map(|(_, v)| v.parse::<i64>().ok())
        .sum())
}

fn a_deep_page_reads_about_limit_rows() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        memory::create(&pool, 100_000).await?;
        let mut conn = pool.acquire().await?;
        let before = rows_read(&mut conn).await?;
        let page = page_after(&mut conn, Some(90_000), 10).await?;
        let read = rows_read(&mut conn).await? - before;
        check_eq(ids(&page), (90_001..=90_010).collect(), "the page")?;
        // An index lookup plus ten steps, and the status query's own few reads; an OFFSET or a
        // filter in Rust reads tens of thousands.
        check(
            read < 1_000,
            format!("the server read {read} rows for a page of 10"),
        )
    })
}

async fn accounts_and_payments(pool: &sqlx::MySqlPool) -> Result<(), sqlx::Error> {
    transfer::create(pool).await?;
    sqlx::query(
        "CREATE TABLE ch13_payments (id VARCHAR(64) PRIMARY KEY, account INT NOT NULL, amount BIGINT NOT NULL)",
    )
    .execute(pool)
    .await?;
    Ok(())
}

fn a_payment_applies_once() -> Result<(), Failed> {
    with_pool(2, |pool, _| async move {
        accounts_and_payments(&pool).await?;
        check_eq(
            apply_payment(&pool, "p-1", 2, 25).await?,
            true,
            "first time",
        )?;
        check_eq(
            apply_payment(&pool, "p-1", 2, 25).await?,
            false,
            "the retry",
        )?;
        check_eq(
            apply_payment(&pool, "p-2", 2, 5).await?,
            true,
            "another payment",
        )?;
        check_eq(
            transfer::balances(&pool).await?,
            vec![(1, 100), (2, 80)],
            "balances",
        )
    })
}

fn twenty_concurrent_retries_pay_once() -> Result<(), Failed> {
    with_pool(5, |pool, _| async move {
        accounts_and_payments(&pool).await?;
        let applied = try_join_all((0..20).map(|_| apply_payment(&pool, "p-42", 1, 10))).await?;
        check_eq(
            applied.iter().filter(|a| **a).count(),
            1,
            "calls that applied it",
        )?;
        check_eq(
            transfer::balances(&pool).await?,
            vec![(1, 110), (2, 50)],
            "balances",
        )
    })
}
