//! What every test file of the chapter shares: a fresh database per test, on the real server.

#![allow(dead_code)] // each test file uses part of it

use libtest_mimic::Failed;
use sqlx::MySqlPool;
use sqlx::mysql::MySqlPoolOptions;
use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The URL of a database no other test uses, created empty for the caller.
pub fn fresh_database() -> Result<String, Failed> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let name = format!(
        "ch13_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    shared::runtime::real_time().block_on(async {
        let pool = MySqlPool::connect(&url).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE `{name}`")))
            .execute(&pool)
            .await?;
        pool.close().await;
        Ok::<_, sqlx::Error>(())
    })?;
    let (base, _) = url
        .rsplit_once('/')
        .ok_or("DATABASE_URL has no database part")?;
    Ok(format!("{base}/{name}"))
}

/// Run `test` on a real-clock runtime with a pool of `size` connections to a fresh database.
pub fn with_pool<F>(size: u32, test: impl FnOnce(MySqlPool, String) -> F) -> Result<(), Failed>
where
    F: Future<Output = Result<(), Failed>>,
{
    let url = fresh_database()?;
    shared::runtime::real_time().block_on(async {
        let pool = MySqlPoolOptions::new()
            .max_connections(size)
            .acquire_timeout(Duration::from_secs(30))
            .connect(&url)
            .await?;
        let outcome = test(pool.clone(), url).await;
        pool.close().await;
        outcome
    })
}

/// `Err` with `message` unless `condition` holds: `check(a == b, format!(…))?`.
pub fn check(condition: bool, message: impl Into<String>) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(message.into().into())
    }
}

/// `Err` naming both values unless they are equal.
pub fn check_eq<T: PartialEq + std::fmt::Debug>(got: T, want: T, what: &str) -> Result<(), Failed> {
    check(got == want, format!("{what}: got {got:?}, want {want:?}"))
}

/// A test file's `main`: run `trials` (each needs the server).
pub fn run(trials: Vec<libtest_mimic::Trial>) -> std::process::ExitCode {
    libtest_mimic::run(&libtest_mimic::Arguments::from_args(), trials).exit_code()
}
