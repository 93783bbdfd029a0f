//! 100k rows: all in memory at once (`fetch_all`) or one at a time (`fetch`).
//!
//! `fetch_all` builds a `Vec` of every row before it returns; `fetch` hands over each row as it
//! is decoded and keeps none. For a report over a big table that is the difference between memory
//! that grows with the table and memory that does not. (aiomysql: the default cursor buffers the
//! whole result inside `execute`, even if the code then calls `fetchone` in a loop; only an
//! `SSCursor` streams.)
//!
//! Peak memory is measured, not estimated: Linux lets a process reset its peak resident size
//! (`/proc/self/clear_refs`) and read it back (`VmHWM` in `/proc/self/status`). [`peak_growth`]
//! resets it, runs the work and reports how far the peak rose above where it started.

use futures::TryStreamExt;
use sqlx::{FromRow, MySqlPool};
use std::future::Future;

/// One row of `ch13_items`: a few dozen bytes of text each.
#[derive(Debug, Clone, FromRow)]
pub struct Item {
    /// The primary key, from 1.
    pub id: i32,
    /// A short name.
    pub name: String,
    /// 100 characters of filler.
    pub payload: String,
}

/// Rows per `INSERT … VALUES (…), (…), …` statement when filling the table.
pub const BATCH: usize = 1_000;

/// (Re)create `ch13_items` with `rows` rows, [`BATCH`] rows per statement.
pub async fn create(pool: &MySqlPool, rows: usize) -> Result<(), sqlx::Error> {
    sqlx::query("DROP TABLE IF EXISTS ch13_items")
        .execute(pool)
        .await?;
    sqlx::query(
        "CREATE TABLE ch13_items (
             id INT PRIMARY KEY,
             name VARCHAR(40) NOT NULL,
             payload VARCHAR(200) NOT NULL
         )",
    )
    .execute(pool)
    .await?;
    crate::inserts::batched(pool, rows as i32).await
}

// ANCHOR: fetch_all
/// Every item in one `Vec`, then the total payload length.
pub async fn total_length_fetch_all(pool: &MySqlPool) -> Result<(usize, usize), sqlx::Error> {
    let items: Vec<Item> = sqlx::query_as("SELECT id, name, payload FROM ch13_items")
        .fetch_all(pool)
        .await?;
    let length = items.iter().map(|i| i.name.len() + i.payload.len()).sum();
    Ok((items.len(), length))
}
// ANCHOR_END: fetch_all

// ANCHOR: streamed
/// The same total, one row at a time: each row is dropped before the next is read.
pub async fn total_length_streamed(pool: &MySqlPool) -> Result<(usize, usize), sqlx::Error> {
    sqlx::query_as::<_, Item>("SELECT id, name, payload FROM ch13_items")
        .fetch(pool)
        .try_fold((0, 0), |(rows, length), item| async move {
            Ok((rows + 1, length + item.name.len() + item.payload.len()))
        })
        .await
}
// ANCHOR_END: streamed

/// Run `work` and return its output with how many bytes the process's peak resident memory rose
/// above its resident size at the start. `None` for the figure where Linux's `/proc` is missing.
pub async fn peak_growth<T>(work: impl Future<Output = T>) -> (T, Option<u64>) {
    let start = reset_peak().then(|| status_kib("VmRSS:")).flatten();
    let output = work.await;
    let growth = start
        .zip(status_kib("VmHWM:"))
        .map(|(start, peak)| peak.saturating_sub(start) * 1024);
    (output, growth)
}

/// Set the peak resident size (`VmHWM`) to the current one. False where that is not possible.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A `… kB` line of `/proc/self/status`, in KiB.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Rows in the tour's table.
pub const ROWS: usize = 100_000;

/// The tour's section: the same 100k rows read both ways, peak memory beside each.
pub fn show() {
    crate::database::run_listing(|url| async move {
        let pool = crate::database::pool(&url, 1).await?;
        create(&pool, ROWS).await?;
        // Streamed first: what fetch_all leaves behind in the allocator cannot flatter it.
        let (streamed, streamed_peak) = peak_growth(total_length_streamed(&pool)).await;
        let (all, all_peak) = peak_growth(total_length_fetch_all(&pool)).await;
        for (how, (rows, length), peak) in [
            ("fetch (streamed)", streamed?, streamed_peak),
            ("fetch_all", all?, all_peak),
        ] {
            let peak = peak.map_or(
                "not measurable here (needs Linux /proc)".to_owned(),
                |bytes| format!("peak memory +{:.1} MB", bytes as f64 / 1e6),
            );
            shared::outln!("{how:<16}: {rows} rows, {length} bytes of text, {peak}");
        }
        pool.close().await;
        Ok(())
    });
}
