//! The chapter's benchmark rows (`just bench`): sqlx beside aiomysql on the same server.
//!
//! - `ch13/fetch_100k`: read 100k rows of `ch13_items` into memory (`fetch_all`; aiomysql's
//!   `execute` + `fetchall`);
//! - `ch13/insert_*`: 10k rows inserted one by one with autocommit, one by one inside one
//!   transaction, and in batches of 1000 (see [`crate::inserts`]).
//!
//! Every measurement gets a database of its own on the chapter's server (`DATABASE_URL`, or a
//! private MariaDB) and times only the work, not the set-up. The Python scripts
//! (`python/bench_fetch.py`, `python/bench_insert.py`) do the same and print seconds.

use crate::{inserts, memory};
use shared::bench::{BenchError, Measurement, Row, Unit, Variant, python};
use shared::services::mariadb::MariaDbServer;
use shared::services::unique_name;
use sqlx::{AssertSqlSafe, MySqlPool};
use std::future::Future;
use std::time::Instant;

/// Every row of the chapter.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch13/fetch_100k",
            figure: "100k rows (3 columns, ~110 B) fetched into memory",
            unit: Unit::Seconds,
            bound: None,
            goal: None,
            variants: vec![
                Variant::new("Rust (sqlx)", |scale| {
                    let rows = scale.pick(100_000, 1_000);
                    measure(rows, |pool| async move {
                        memory::total_length_fetch_all(&pool).await.map(drop)
                    })
                }),
                Variant::new("aiomysql", |scale| {
                    let rows = scale.pick(100_000, 1_000).to_string();
                    python_on_server("bench_fetch.py", &[&rows])
                }),
            ],
        },
        insert_row(
            "ch13/insert_one_by_one",
            "10k INSERTs, each committed (autocommit)",
            "one_by_one",
            |pool, n| Box::pin(async move { inserts::one_by_one(&pool, n).await }),
        ),
        insert_row(
            "ch13/insert_in_transaction",
            "10k INSERTs in one transaction",
            "in_transaction",
            |pool, n| Box::pin(async move { inserts::in_transaction(&pool, n).await }),
        ),
        insert_row(
            "ch13/insert_batched",
            "10k rows as 10 INSERTs of 1000 rows",
            "batched",
            |pool, n| Box::pin(async move { inserts::batched(&pool, n).await }),
        ),
    ]
}

type Insert =
    fn(MySqlPool, i32) -> std::pin::Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send>>;

fn insert_row(id: &'static str, figure: &'static str, mode: &'static str, insert: Insert) -> Row {
    Row {
        id,
        figure,
        unit: Unit::Seconds,
        bound: None,
        goal: None,
        variants: vec![
            Variant::new("Rust (sqlx)", move |scale| {
                let rows = scale.pick(10_000, 500);
                measure(0, move |pool| insert(pool, rows))
            }),
            Variant::new("aiomysql", move |scale| {
                let rows = scale.pick(10_000, 500).to_string();
                python_on_server("bench_insert.py", &[mode, &rows])
            }),
        ],
    }
}

/// Seconds `work` takes on a fresh database whose `ch13_items` holds `rows` rows.
fn measure<F>(rows: usize, work: impl FnOnce(MySqlPool) -> F) -> Measurement
where
    F: Future<Output = Result<(), sqlx::Error>>,
{
    let url = fresh_database()?;
    let failed = |e: sqlx::Error| BenchError(crate::database::describe(&e));
    shared::runtime::real_time().block_on(async {
        let pool = crate::database::pool(&url, 1).await.map_err(failed)?;
        memory::create(&pool, rows).await.map_err(failed)?;
        let start = Instant::now();
        work(pool.clone()).await.map_err(failed)?;
        let seconds = start.elapsed().as_secs_f64();
        pool.close().await;
        drop_database(&url).await.map_err(failed)?;
        Ok(seconds)
    })
}

/// A chapter Python script run with `DATABASE_URL` pointing at a fresh database.
fn python_on_server(script: &str, args: &[&str]) -> Measurement {
    let url = fresh_database()?;
    let seconds = python(
        &format!("chapters/ch13_mysql/python/{script}"),
        args,
        &[("DATABASE_URL", &url)],
    );
    shared::runtime::real_time()
        .block_on(drop_database(&url))
        .map_err(|e| BenchError(crate::database::describe(&e)))?;
    seconds
}

/// Remove a measurement's database, so a reader's server keeps nothing from `just bench`.
async fn drop_database(url: &str) -> Result<(), sqlx::Error> {
    let name = url.rsplit('/').next().unwrap_or_default();
    let pool = crate::database::pool(url, 1).await?;
    let dropped = sqlx::query(AssertSqlSafe(format!("DROP DATABASE `{name}`")))
        .execute(&pool)
        .await;
    pool.close().await;
    dropped.map(drop)
}

fn fresh_database() -> Result<String, BenchError> {
    let server = MariaDbServer::shared().map_err(|e| BenchError(e.to_string()))?;
    server
        .create_database(&unique_name("ch13"))
        .map_err(|e| BenchError(e.to_string()))
}
