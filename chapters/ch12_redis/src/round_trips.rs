//! 四.1 异步redis and 四.3 FastAPI 框架, round trips: why the same work takes 1 ms or 100 ms.
//!
//! Every command is a request and a reply over the network. Sent one by one, each waits for
//! the previous reply: N commands cost N round trips, however fast the server and the client
//! are. A *pipeline* writes all N commands at once and then reads all N replies: one round
//! trip. N *tasks* sharing one multiplexed connection get the same effect without a
//! pipeline: while one task waits for its reply, the others' requests are already on the
//! wire, and the connection writes them out in batches.
//!
//! The time is spent waiting for the network, not computing: that is why it is `async` that
//! helps here, and why redis-py on asyncio gets the same shape (slower in absolute terms,
//! see `just bench`).

use crate::connect::{Keys, connect};
use redis::{AsyncTypedCommands, RedisResult};
use shared::outln;
use std::time::{Duration, Instant};

// ANCHOR: one_by_one
/// `n` `SET`s, each awaited before the next is sent: `n` round trips.
pub async fn one_by_one(url: &str, keys: &Keys, n: usize) -> RedisResult<Duration> {
    let mut con = connect(url).await?;
    let start = Instant::now();
    for i in 0..n {
        con.set(keys.key(&format!("k{i}")), i).await?;
    }
    Ok(start.elapsed())
}
// ANCHOR_END: one_by_one

// ANCHOR: pipelined
/// The same `n` `SET`s as one pipeline: written at once, replies read at once.
pub async fn pipelined(url: &str, keys: &Keys, n: usize) -> RedisResult<Duration> {
    let mut con = connect(url).await?;
    let start = Instant::now();
    let mut pipe = redis::pipe();
    for i in 0..n {
        pipe.set(keys.key(&format!("k{i}")), i).ignore();
    }
    pipe.exec_async(&mut con).await?;
    Ok(start.elapsed())
}
// ANCHOR_END: pipelined

// ANCHOR: from_tasks
/// The same `n` `SET`s from `n` tasks, each with a clone of one multiplexed connection.
pub async fn from_tasks(url: &str, keys: &Keys, n: usize) -> RedisResult<Duration> {
    let con = connect(url).await?;
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let mut con = con.clone(); // a handle to the same connection
        let key = keys.key(&format!("k{i}"));
        tasks.spawn(async move { con.set(key, i).await });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("a SET task does not panic")?;
    }
    Ok(start.elapsed())
}
// ANCHOR_END: from_tasks

/// The tour's section: 1000 `SET`s three ways.
pub fn show(url: &str) {
    let keys = Keys::new();
    let n = 1000;
    let result = shared::runtime::real_time().block_on(async {
        let slow = one_by_one(url, &keys, n).await?;
        outln!(
            "{n} SETs one by one:      {:.2} ms  ({n} round trips)",
            ms(slow)
        );
        let piped = pipelined(url, &keys, n).await?;
        outln!(
            "{n} SETs as one pipeline: {:.2} ms  (1 round trip)",
            ms(piped)
        );
        let tasks = from_tasks(url, &keys, n).await?;
        outln!(
            "{n} SETs from {n} tasks:  {:.2} ms  (concurrently)",
            ms(tasks)
        );
        keys.clear(&mut connect(url).await?).await
    });
    crate::report(result);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
