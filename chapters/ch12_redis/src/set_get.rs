//! 四.1 异步redis, the article's listing: connect, `SET`, `GET`.
//!
//! In redis-py (`redis.asyncio`, where aioredis lives on since it was merged into redis-py
//! 4.2), `await r.get("missing")` returns `None`. In Rust the same reply is typed:
//! [`AsyncTypedCommands::get`] returns `Option<String>`, so "no such key" is a value the
//! compiler makes the caller handle, not a `None` that surfaces later as a `TypeError`.

use crate::connect::{Keys, connect};
use redis::{AsyncTypedCommands, RedisResult};

use shared::outln;

// ANCHOR: set_get
/// `SET` a key, `GET` it back, and `GET` a key that does not exist.
pub async fn set_get(url: &str, keys: &Keys) -> RedisResult<(Option<String>, Option<String>)> {
    let mut con = connect(url).await?;
    con.set(keys.key("greeting"), "hello").await?; // typed: returns ()
    let found = con.get(keys.key("greeting")).await?; // Option<String>
    let missing = con.get(keys.key("no-such-key")).await?; // None, not an error
    Ok((found, missing))
}
// ANCHOR_END: set_get

// ANCHOR: untyped
/// The same `SET` and `GET` through the untyped API ([`redis::AsyncCommands`]), where the caller names
/// the reply's type. Without the annotations, edition 2024 rejects `con.set(k, v).await?;`:
/// the reply type is left open and falls back to `!`, which is not a `FromRedisValue`.
pub async fn set_get_untyped(url: &str, keys: &Keys) -> RedisResult<Option<i64>> {
    let mut con = connect(url).await?;
    let () = redis::AsyncCommands::set(&mut con, keys.key("visits"), 41).await?;
    let visits: Option<i64> = redis::AsyncCommands::get(&mut con, keys.key("visits")).await?;
    Ok(visits)
}
// ANCHOR_END: untyped

/// The tour's section.
pub fn show(url: &str) {
    let keys = Keys::new();
    let result = shared::runtime::real_time().block_on(async {
        let (found, missing) = set_get(url, &keys).await?;
        outln!("GET greeting    -> {}", found.as_deref().unwrap_or("None"));
        outln!(
            "GET no-such-key -> {}",
            missing.as_deref().unwrap_or("None")
        );
        let visits = set_get_untyped(url, &keys).await?;
        outln!(
            "GET visits      -> {}",
            visits.map_or("None".into(), |v| v.to_string())
        );
        keys.clear(&mut connect(url).await?).await
    });
    crate::report(result);
}
