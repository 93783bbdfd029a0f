//! 四.1 异步redis, hashes: the article's `hmset_dict("car", key1=1, key2=2, key3=3)` and `hgetall`.
//!
//! `hmset_dict` was aioredis 1.x; `HMSET` itself is deprecated since Redis 4.0, because `HSET`
//! takes any number of field-value pairs. `HGETALL` reads the hash into a map; for a key that
//! does not exist it returns an empty map, not nil, so "no such car" and "a car without
//! fields" look the same unless you ask `EXISTS`.

use crate::connect::{Keys, connect};
use redis::{AsyncTypedCommands, RedisResult};
use std::collections::BTreeMap;

// ANCHOR: hashes
/// `HSET car key1 1 key2 2 key3 3`, then `HGETALL car` and `HGETALL` of a missing key.
pub async fn hashes(
    url: &str,
    keys: &Keys,
) -> RedisResult<(BTreeMap<String, i64>, BTreeMap<String, i64>)> {
    let mut con = connect(url).await?;
    let fields = [("key1", 1), ("key2", 2), ("key3", 3)];
    con.hset_multiple(keys.key("car"), &fields).await?;
    // The reply type is ours to choose: a sorted map with integer values.
    let car: BTreeMap<String, i64> =
        redis::AsyncCommands::hgetall(&mut con, keys.key("car")).await?;
    let missing: BTreeMap<String, i64> =
        redis::AsyncCommands::hgetall(&mut con, keys.key("no-such-car")).await?;
    Ok((car, missing))
}
// ANCHOR_END: hashes

/// `key1=1 key2=2 key3=3`, or `(empty)`.
pub fn fields(map: &BTreeMap<String, i64>) -> String {
    if map.is_empty() {
        return "(empty)".into();
    }
    let pairs: Vec<String> = map.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.join(" ")
}

/// The tour's section.
pub fn show(url: &str) {
    let keys = Keys::new();
    let result = shared::runtime::real_time().block_on(async {
        let (car, missing) = hashes(url, &keys).await?;
        shared::outln!("HGETALL car         -> {}", fields(&car));
        shared::outln!("HGETALL no-such-car -> {}", fields(&missing));
        let mut con = connect(url).await?;
        let exists = con.exists(keys.key("no-such-car")).await?;
        shared::outln!("EXISTS no-such-car  -> {}", u8::from(exists));
        keys.clear(&mut con).await
    });
    crate::report(result);
}
