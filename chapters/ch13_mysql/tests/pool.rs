//! Pool size as the concurrency limit, an exhausted pool, and a server that is not there.

mod common;

use ch13_mysql::pool::{
    bound, exhausted, free_port, server_down, sized_pool, sleep_queries, with_port,
};
use common::{check, check_eq, with_pool};
use libtest_mimic::{Failed, Trial};
use std::time::Duration;

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "a_sized_pool_opens_exactly_its_size",
            a_sized_pool_opens_exactly_its_size,
        ),
        Trial::test(
            "the_bound_counts_rounds_of_the_pool",
            the_bound_counts_rounds_of_the_pool,
        ),
        Trial::test(
            "an_exhausted_pool_times_out_with_pool_timed_out",
            an_exhausted_pool_times_out_with_pool_timed_out,
        ),
        Trial::test(
            "no_server_is_refused_at_once_or_timed_out_by_a_pool",
            no_server_is_refused_at_once_or_timed_out_by_a_pool,
        ),
    ])
}

fn a_sized_pool_opens_exactly_its_size() -> Result<(), Failed> {
    with_pool(1, |_, url| async move {
        let pool = sized_pool(&url, 5).await?;
        check_eq(pool.size(), 5, "connections after warming up")?;
        sleep_queries(&pool, 20, 0.01).await?;
        check_eq(pool.size(), 5, "connections after 20 queries at once")?;
        pool.close().await;
        Ok(())
    })
}

fn the_bound_counts_rounds_of_the_pool() -> Result<(), Failed> {
    check_eq(bound(50, 5, 0.1), Duration::from_secs(1), "50 on 5")?;
    check_eq(bound(50, 50, 0.1), Duration::from_millis(100), "50 on 50")?;
    check_eq(
        bound(51, 5, 0.1),
        Duration::from_millis(1100),
        "51 on 5: one more round",
    )
}

fn an_exhausted_pool_times_out_with_pool_timed_out() -> Result<(), Failed> {
    with_pool(1, |_, url| async move {
        let wait = Duration::from_millis(200);
        let (one_more, waited) = exhausted(&url, 2, wait).await?;
        check(
            matches!(one_more, Err(sqlx::Error::PoolTimedOut)),
            format!("{one_more:?}"),
        )?;
        check(
            waited >= wait,
            format!("gave up after {waited:?}, before the timeout"),
        )
    })
}

fn no_server_is_refused_at_once_or_timed_out_by_a_pool() -> Result<(), Failed> {
    with_pool(1, |_, url| async move {
        let down = with_port(&url, free_port());
        let one = <sqlx::MySqlConnection as sqlx::Connection>::connect(&down).await;
        check(
            matches!(&one, Err(sqlx::Error::Io(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused),
            format!("one connection: {:?}", one.err()),
        )?;
        let wait = Duration::from_millis(300);
        let (pool, took) = server_down(&down, wait).await;
        check(
            matches!(pool, Err(sqlx::Error::PoolTimedOut)),
            format!("a pool: {:?}", pool.err()),
        )?;
        check(took >= wait, format!("a pool gave up after {took:?}"))
    })
}
