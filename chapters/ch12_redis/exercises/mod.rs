//! # Chapter 12 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch12`: the chapter's exercise tests run
//! against this file instead of the reference solutions, on a private Redis server. Stuck?
//! `just hint ch12 rate_limiter`. The statements are also in the book's chapter 12.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use redis::RedisResult;
use redis::aio::MultiplexedConnection;
use std::future::Future;
use std::time::Duration;

// ANCHOR: rate_limiter
/// Exercise `rate_limiter`: may the caller behind `key` make one more request? At most
/// `limit` requests per `window` (a fixed window that starts at the window's first request).
///
/// Count with `INCR` (atomic on the server, so 50 tasks at once cannot over-admit), and make
/// sure the counter expires after `window`, or the caller is locked out forever.
pub async fn allow(
    con: &mut MultiplexedConnection,
    key: &str,
    limit: u64,
    window: Duration,
) -> RedisResult<bool> {
    todo!(
        "exercise `rate_limiter` is not written yet (ask for a hint: just hint ch12 rate_limiter)"
    )
}
// ANCHOR_END: rate_limiter

// ANCHOR: get_or_compute
/// Exercise `get_or_compute`: the cache-aside pattern. Return the value cached under `key`;
/// if there is none, run `compute`, cache its result for `ttl`, and return it.
pub async fn get_or_compute<F, Fut>(
    con: &mut MultiplexedConnection,
    key: &str,
    ttl: Duration,
    compute: F,
) -> RedisResult<String>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = String>,
{
    todo!(
        "exercise `get_or_compute` is not written yet (ask for a hint: just hint ch12 get_or_compute)"
    )
}
// ANCHOR_END: get_or_compute
