//! What every test file of the chapter shares: a fresh database per test, on the real server.

#![allow(dead_code)] // each test file uses part of it

use libtest_mimic::Failed;
use shared::services::mariadb::MariaDbServer;
use shared::services::{Need, run_tests, unique_name};
use sqlx::MySqlPool;
use sqlx::mysql::MySqlPoolOptions;
use std::future::Future;
use std::time::Duration;

/// The URL of a database no other test uses, created empty for the caller.
pub fn fresh_database() -> Result<String, Failed> {
    Ok(MariaDbServer::shared()?.create_database(&unique_name("ch13"))?)
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
        let outcome = test(pool.clone(), url.clone()).await;
        // Leave nothing behind on a reader's server (a private one goes away anyway).
        let name = url.rsplit('/').next().unwrap_or_default().to_owned();
        let dropped = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE `{name}`")))
            .execute(&pool)
            .await;
        pool.close().await;
        outcome?;
        dropped.map(drop).map_err(Failed::from)
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

/// A test file's `main`: run `trials`, which need the server; reported as not run (ignored)
/// when MariaDB is not installed and `DATABASE_URL` is not set.
pub fn run(trials: Vec<libtest_mimic::Trial>) -> std::process::ExitCode {
    run_tests(&[Need::MariaDb], trials)
}
