use redis::aio::MultiplexedConnection;
use redis::{AsyncTypedCommands, RedisResult};
use std::future::Future;
use std::time::Duration;

// ANCHOR: solution
/// Exercise `get_or_compute`: `GET`; on a miss, compute and `SET … PX ttl`.
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
    if let Some(cached) = con.get(key).await? {
        return Ok(cached);
    }
    let value = compute().await;
    let options =
        redis::SetOptions::default().with_expiration(redis::SetExpiry::PX(ttl.as_millis() as u64));
    con.set_options(key, &value, options).await?;
    Ok(value)
}
// ANCHOR_END: solution
