//! What every handler shares: one multiplexed Redis connection, and the service's settings.
//!
//! FastAPI code often keeps a global pool (`REDIS_POOL = ...` at module level, as the article
//! does). axum hands shared things to handlers through `State`: one [`AppState`], cloned
//! cheaply per request, built once in `main` (or in a test) and passed to [`crate::app`].
//!
//! Redis goes through one [`ConnectionManager`]: a single multiplexed connection that every
//! request pipelines its commands onto (chapter 12 measures it against a pool), which reconnects
//! by itself after Redis restarts. It is created lazily, so the service starts, and answers
//! `503`, while Redis is down. Every command is bounded by [`Settings::redis_timeout`]: a lost
//! Redis costs a request a 503 within that time, never a hang.

use crate::errors::ApiError;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::future::Future;
use std::time::Duration;

/// The service's knobs, with the article's values as defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long `GET /red` waits before it talks to Redis when the request does not say
    /// (`?wait_ms=`): the article's `await asyncio.sleep(3)`.
    pub red_wait: Duration,
    /// The longest any Redis command may take, reconnecting included, before the request
    /// answers 503.
    pub redis_timeout: Duration,
    /// Put before every Redis key (`car`, `cars`, `car:7`), so that tests and services sharing
    /// one Redis do not see each other's data.
    pub key_prefix: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            red_wait: Duration::from_secs(3),
            redis_timeout: Duration::from_secs(2),
            key_prefix: String::new(),
        }
    }
}

/// The state every handler can ask for with `State<AppState>`.
#[derive(Clone)]
pub struct AppState {
    redis: ConnectionManager,
    /// The settings the service was started with.
    pub settings: Settings,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State talking to the Redis at `redis_url`. Connects on the first command, not here, so
    /// an unreachable Redis is a 503 later rather than a failed start. Must be called inside a
    /// tokio runtime (the manager's reconnect task lives there).
    ///
    /// # Errors
    /// A malformed URL.
    pub fn new(redis_url: &str, settings: Settings) -> redis::RedisResult<Self> {
        let client = redis::Client::open(redis_url)?;
        let timeout = Some(settings.redis_timeout / 2);
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(timeout)
            .set_response_timeout(timeout)
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(200));
        let redis = ConnectionManager::new_lazy_with_config(client, config)?;
        Ok(AppState { redis, settings })
    }

    /// A handle on the shared connection (a clone is a pointer copy, not a new connection).
    pub fn redis(&self) -> ConnectionManager {
        self.redis.clone()
    }

    /// `name` with the service's key prefix.
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.settings.key_prefix)
    }

    /// Run one Redis operation within [`Settings::redis_timeout`]; a failure or a timeout is
    /// [`ApiError::Unavailable`] (503).
    pub async fn with_redis<T>(
        &self,
        operation: impl Future<Output = redis::RedisResult<T>>,
    ) -> Result<T, ApiError> {
        match tokio::time::timeout(self.settings.redis_timeout, operation).await {
            Ok(result) => Ok(result?),
            Err(_) => Err(ApiError::Unavailable(format!(
                "no answer within {:?}",
                self.settings.redis_timeout
            ))),
        }
    }
}

/// Delete every key under `prefix` from the Redis at `redis_url` (blocking): what tests and
/// the tour do when they finish, so that a reader's own Redis keeps nothing of theirs.
///
/// # Errors
/// Redis cannot be reached.
pub fn remove_keys(redis_url: &str, prefix: &str) -> redis::RedisResult<()> {
    let mut connection = redis::Client::open(redis_url)?.get_connection()?;
    let keys: Vec<String> =
        redis::Commands::scan_match::<_, String>(&mut connection, format!("{prefix}*"))?
            .collect::<redis::RedisResult<_>>()?;
    if !keys.is_empty() {
        let () = redis::Commands::del(&mut connection, keys)?;
    }
    Ok(())
}
