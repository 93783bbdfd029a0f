use redis::RedisResult;
use redis::aio::MultiplexedConnection;
use std::time::Duration;

// ANCHOR: solution
/// Exercise `rate_limiter`: `INCR` and `PEXPIRE … NX` in one `MULTI`/`EXEC`, so the count and
/// its expiry are set together and only the window's first request starts the clock.
pub async fn allow(
    con: &mut MultiplexedConnection,
    key: &str,
    limit: u64,
    window: Duration,
) -> RedisResult<bool> {
    let (count,): (u64,) = redis::pipe()
        .atomic()
        .incr(key, 1)
        .cmd("PEXPIRE")
        .arg(key)
        .arg(window.as_millis() as u64)
        .arg("NX") // only if it has no expiry yet: the window's first request
        .ignore()
        .query_async(con)
        .await?;
    Ok(count <= limit)
}
// ANCHOR_END: solution
