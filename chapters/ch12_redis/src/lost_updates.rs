//! 四.1 异步redis, lost updates made visible: 100 tasks add 1 to one counter.
//!
//! `GET` then `SET value+1` is two commands; between them another task can do the same, and
//! one of the two increments is lost. On a real server that happens now and then; here a
//! `Barrier` makes every task read before any task writes, so it happens every time and the
//! count is exact: 100 increments leave the counter at 1. asyncio has the same race: an
//! `await` between the read and the write is a place where other tasks run.
//!
//! Two fixes: let the server do the arithmetic (`INCR` is one atomic command), or make the
//! read-modify-write a transaction that fails when someone else wrote first (`WATCH`,
//! `MULTI`, `EXEC`) and retry it. `WATCH` belongs to a connection, so each transaction needs a
//! connection of its own: it borrows one from the pool.

use crate::connect::{Keys, connect};
use crate::pool::{pool, pool_error};
use redis::{AsyncTypedCommands, RedisResult};
use shared::outln;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Barrier;
use tokio::task::JoinSet;

// ANCHOR: get_then_set
/// `tasks` tasks each `GET` the counter, wait until all have read, then `SET` it to what they
/// read plus one. Returns the final value.
pub async fn get_then_set(url: &str, keys: &Keys, tasks: usize) -> RedisResult<i64> {
    let con = connect(url).await?;
    let key = keys.key("counter");
    let everyone_has_read = Arc::new(Barrier::new(tasks));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (mut con, key, barrier) = (con.clone(), key.clone(), everyone_has_read.clone());
        set.spawn(async move {
            let value: i64 = con.get_int(&key).await?.unwrap_or(0) as i64;
            barrier.wait().await;
            con.set(&key, value + 1).await
        });
    }
    join_all(set).await?;
    Ok(con.clone().get_int(&key).await?.unwrap_or(0) as i64)
}
// ANCHOR_END: get_then_set

// ANCHOR: incr
/// `tasks` tasks each `INCR` the counter: the server adds, nothing is lost.
pub async fn incr(url: &str, keys: &Keys, tasks: usize) -> RedisResult<i64> {
    let con = connect(url).await?;
    let key = keys.key("counter");
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (mut con, key) = (con.clone(), key.clone());
        set.spawn(async move { con.incr(&key, 1).await.map(drop) });
    }
    join_all(set).await?;
    Ok(con.clone().get_int(&key).await?.unwrap_or(0) as i64)
}
// ANCHOR_END: incr

// ANCHOR: watch
/// `tasks` tasks each add one with `WATCH`/`GET`/`MULTI`/`SET`/`EXEC`, retrying when `EXEC`
/// reports that the counter changed after `WATCH`. Returns the final value and the retries.
pub async fn watch_multi_exec(url: &str, keys: &Keys, tasks: usize) -> RedisResult<(i64, usize)> {
    let pool = pool(url).await?;
    let key = keys.key("counter");
    let retries = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (pool, key, retries) = (pool.clone(), key.clone(), retries.clone());
        set.spawn(async move {
            let mut con = pool.get().await.map_err(pool_error)?; // WATCH needs its own connection
            loop {
                redis::cmd("WATCH").arg(&key).exec_async(&mut *con).await?;
                let value = con.get_int(&key).await?.unwrap_or(0);
                tokio::task::yield_now().await; // others run here, as they would on a busy server
                let committed: Option<()> = redis::pipe()
                    .atomic() // MULTI … EXEC
                    .set(&key, value + 1)
                    .ignore()
                    .query_async(&mut *con)
                    .await?;
                match committed {
                    Some(()) => return Ok(()),
                    None => retries.fetch_add(1, Ordering::Relaxed), // EXEC aborted: retry
                };
            }
        });
    }
    join_all(set).await?;
    let value = connect(url).await?.get_int(&key).await?.unwrap_or(0) as i64;
    Ok((value, retries.load(Ordering::Relaxed)))
}
// ANCHOR_END: watch

async fn join_all(mut set: JoinSet<RedisResult<()>>) -> RedisResult<()> {
    while let Some(done) = set.join_next().await {
        done.expect("a counter task does not panic")?;
    }
    Ok(())
}

/// The tour's section.
pub fn show(url: &str) {
    let tasks = 100;
    let keys = [Keys::new(), Keys::new(), Keys::new()];
    let result = shared::runtime::real_time().block_on(async {
        let value = get_then_set(url, &keys[0], tasks).await?;
        let lost = tasks as i64 - value;
        outln!("GET + SET:          counter = {value:>3}, {lost} of {tasks} updates lost");
        let value = incr(url, &keys[1], tasks).await?;
        outln!("INCR:               counter = {value:>3}, none lost");
        let (value, retries) = watch_multi_exec(url, &keys[2], tasks).await?;
        outln!(
            "WATCH/MULTI/EXEC:   counter = {value:>3}, none lost (transactions retried {retries}×)"
        );
        let mut con = connect(url).await?;
        for keys in &keys {
            keys.clear(&mut con).await?;
        }
        Ok::<(), redis::RedisError>(())
    });
    crate::report(result);
}
