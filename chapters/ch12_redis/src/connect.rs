//! 四.1 异步redis, the connection: where the server is, and how long to wait for it.
//!
//! The article's listing hard-codes `redis://192.168.x.x` and a password in the source. Ours
//! asks [`shared::services`] for the server: the reader's `REDIS_URL` when set (credentials
//! stay in the environment), otherwise a private `redis-server` the program starts itself.
//!
//! A `MultiplexedConnection` is one TCP connection that any number of tasks use at once:
//! cloning it is cheap (a handle to the same connection), and requests from all clones are
//! written in order and their replies matched back in order. Timeouts are set explicitly, so a
//! server that goes away gives an error, never a hang.

use redis::aio::MultiplexedConnection;
use redis::{AsyncConnectionConfig, AsyncTypedCommands, Client, RedisResult};
use std::time::Duration;

/// How long to wait for a connection, and for each reply.
pub const TIMEOUT: Duration = Duration::from_secs(2);

// ANCHOR: connect
/// One multiplexed connection to `url`, with connect and response timeouts.
pub async fn connect(url: &str) -> RedisResult<MultiplexedConnection> {
    let client = Client::open(url)?;
    let config = AsyncConnectionConfig::new()
        .set_connection_timeout(Some(TIMEOUT))
        .set_response_timeout(Some(TIMEOUT));
    client
        .get_multiplexed_async_connection_with_config(&config)
        .await
}
// ANCHOR_END: connect

/// The keys of one listing or test, under a prefix no one else uses
/// ([`shared::services::unique_prefix`]), so they never meet anyone else's keys, even on a
/// reader's own server.
#[derive(Debug, Clone)]
pub struct Keys {
    prefix: String,
}

impl Keys {
    /// A fresh prefix for chapter 12.
    pub fn new() -> Self {
        Keys {
            prefix: shared::services::unique_prefix("ch12"),
        }
    }

    /// The full name of key `name`: `ch12:4242-0-1f9c0a3b:car`.
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Delete every key under the prefix (a listing tidies up the reader's server).
    pub async fn clear(&self, con: &mut MultiplexedConnection) -> RedisResult<()> {
        let keys: Vec<String> = con.keys(format!("{}*", self.prefix)).await?;
        if !keys.is_empty() {
            con.del(keys).await?;
        }
        Ok(())
    }
}

impl Default for Keys {
    fn default() -> Self {
        Keys::new()
    }
}
