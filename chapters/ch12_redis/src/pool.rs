//! 四.3 FastAPI 框架, one connection or a pool.
//!
//! The article builds `aioredis.create_redis_pool(…, minsize=1, maxsize=10)`, and redis-py's
//! `redis.asyncio.Redis` keeps a pool too: each command borrows a connection, sends, waits
//! for the reply, and gives it back. The redis crate's `MultiplexedConnection` needs no pool
//! for plain commands: every task sends on the same connection, replies come back in order.
//!
//! It does need one when a command holds its connection: `BLPOP` blocks the connection until
//! an element arrives, `WATCH`/`MULTI` make the connection's state part of the transaction,
//! and `SUBSCRIBE` turns it into a message stream. On a shared multiplexed connection such a
//! command blocks, or corrupts, every other task's commands. A pool gives each of those its
//! own connection: here `bb8`, through the redis crate's `bb8` feature, sized like the
//! article's pool.

use crate::connect::{Keys, connect};
use redis::{AsyncTypedCommands, Client, RedisResult};
use shared::outln;
use std::time::{Duration, Instant};

// ANCHOR: pool
/// A pool of connections to `url`: one kept open, at most ten (`minsize=1, maxsize=10`).
pub async fn pool(url: &str) -> RedisResult<bb8::Pool<Client>> {
    bb8::Pool::builder()
        .min_idle(1)
        .max_size(10)
        .connection_timeout(Duration::from_secs(2))
        .build(Client::open(url)?)
        .await
}
// ANCHOR_END: pool

/// How long a `PING` took while another task's `BLPOP` waited on an empty list, and whether
/// that `BLPOP` was still waiting when the `PONG` came.
#[derive(Debug, Clone, Copy)]
pub struct PingWait {
    /// From sending the `PING` to its reply.
    pub waited: Duration,
    /// The `BLPOP` had not returned yet when the `PING` was answered.
    pub blpop_still_blocked: bool,
}

// ANCHOR: blocked
/// A `PING` while another task's `BLPOP` (`block` long, on an empty list) holds the same
/// multiplexed connection.
pub async fn ping_behind_blpop_shared(
    url: &str,
    keys: &Keys,
    block: Duration,
) -> RedisResult<PingWait> {
    let con = connect(url).await?;
    let mut blocker = con.clone();
    let queue = keys.key("queue");
    let blpop = tokio::spawn(async move { blocker.blpop(queue, block.as_secs_f64()).await });
    tokio::time::sleep(Duration::from_millis(20)).await; // let the BLPOP go out first
    let start = Instant::now();
    con.clone().ping().await?;
    let wait = PingWait {
        waited: start.elapsed(),
        blpop_still_blocked: !blpop.is_finished(),
    };
    blpop.await.expect("the BLPOP task does not panic")?;
    Ok(wait)
}

/// The same, with the `BLPOP` and the `PING` on two connections from the pool.
pub async fn ping_beside_blpop_pooled(
    url: &str,
    keys: &Keys,
    block: Duration,
) -> RedisResult<PingWait> {
    let pool = pool(url).await?;
    let blocker = pool.get_owned().await.map_err(pool_error)?;
    let queue = keys.key("queue");
    let blpop = tokio::spawn(async move {
        let mut blocker = blocker;
        blocker.blpop(queue, block.as_secs_f64()).await
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    let start = Instant::now();
    pool.get().await.map_err(pool_error)?.ping().await?;
    let wait = PingWait {
        waited: start.elapsed(),
        blpop_still_blocked: !blpop.is_finished(),
    };
    blpop.await.expect("the BLPOP task does not panic")?;
    Ok(wait)
}
// ANCHOR_END: blocked

/// A pool that could not hand out a connection in time, as a redis error.
pub fn pool_error(error: bb8::RunError<redis::RedisError>) -> redis::RedisError {
    match error {
        bb8::RunError::User(error) => error,
        bb8::RunError::TimedOut => redis::RedisError::from((
            redis::ErrorKind::Io,
            "no pooled connection became free in time",
        )),
    }
}

/// The tour's section.
pub fn show(url: &str) {
    let keys = Keys::new();
    let block = Duration::from_millis(300);
    let result = shared::runtime::real_time().block_on(async {
        let pool = pool(url).await?;
        let state = pool.state();
        outln!("pool: {} connection open, at most 10", state.connections);
        let shared = ping_behind_blpop_shared(url, &keys, block).await?;
        outln!(
            "PING behind a 300 ms BLPOP, same connection:  waited {:.2} ms",
            ms(shared.waited)
        );
        let pooled = ping_beside_blpop_pooled(url, &keys, block).await?;
        outln!(
            "PING beside a 300 ms BLPOP, pooled connection: waited {:.2} ms",
            ms(pooled.waited)
        );
        Ok::<(), redis::RedisError>(())
    });
    crate::report(result);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
