//! # Chapter 12 — Async Redis
//!
//! Retells the article's 四.1 异步redis (aioredis) and the Redis pool of 四.3 FastAPI 框架, against a real
//! server: the reader's `REDIS_URL`, or a private `redis-server` that the chapter starts on a
//! free port and removes when it ends ([`shared::services`]).
//!
//! | Python (`redis.asyncio`, ex-aioredis)            | Rust (`redis` crate, tokio)                              |
//! |--------------------------------------------------|----------------------------------------------------------|
//! | `r = redis.asyncio.from_url(url)`                | [`connect::connect`]: `Client::open(url)` + a multiplexed connection |
//! | `await r.set(k, v)` / `await r.get(k)` → `None`  | `con.set(k, v).await?` / `con.get(k).await?` → `Option<String>` |
//! | `await r.set(k, v, ex=60)`, `await r.ttl(k)`     | `con.set_ex(k, v, 60)`, `con.ttl(k)` (-1/-2 as enum variants) |
//! | `hmset_dict("car", key1=1, …)`, `hgetall`        | `con.hset_multiple("car", &[("key1", 1), …])`, `hgetall` into a map |
//! | `async with r.pipeline() as p: …; await p.execute()` | `redis::pipe()….exec_async(&mut con)`                   |
//! | a pool: one connection per command in flight     | one multiplexed connection shared by every task          |
//! | `create_redis_pool(minsize=1, maxsize=10)`       | [`pool::pool`]: `bb8::Pool` of `redis::Client`, for BLPOP/WATCH |
//! | `await r.incr(k)`                                | `con.incr(k, 1).await?`                                  |
//! | `async with r.pipeline(transaction=True)` + `watch` | `WATCH` + `redis::pipe().atomic()` on a pooled connection |
//! | `async for m in pubsub.listen()`                 | `pubsub.into_on_message()`: a `Stream`                   |
//! | a reconnecting client (retry on error)           | `ConnectionManager`                                      |

pub mod bench;
pub mod connect;
pub mod expiry;
pub mod faults;
pub mod hashes;
pub mod lost_updates;
pub mod pool;
pub mod pubsub;
pub mod round_trips;
pub mod set_get;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch12`), the reference solutions otherwise.
#[cfg(feature = "attempt")]
#[path = "../exercises/mod.rs"]
pub mod exercises;
/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch12`), the reference solutions otherwise.
#[cfg(not(feature = "attempt"))]
#[path = "../solutions/mod.rs"]
pub mod exercises;

/// End a section that failed: its error in one line, exit status 1 (a tour section talks to a
/// real server, and a server that stops answering is an error to show, not a panic).
fn report<E: std::fmt::Display>(result: Result<(), E>) {
    if let Err(error) = result {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
