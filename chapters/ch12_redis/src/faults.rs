//! 四.1 异步redis, faults: the server goes away mid-run and comes back on the same port.
//!
//! What a caller must get while the server is down is an error, soon, not a hang: every
//! connection here has a connect timeout and a response timeout. A `ConnectionManager` is a
//! multiplexed connection that reconnects by itself (with backoff) once the server is back,
//! so the caller's code does not change: it retries the command, not the connection.
//!
//! With append-only persistence on (`appendonly yes`, `appendfsync always`: each write is on
//! disk before it is acknowledged), every write acknowledged before the crash is there after
//! the restart. The server here is killed, not shut down: nothing gets a chance to save.

use crate::connect::{Keys, TIMEOUT};
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncTypedCommands, Client, RedisError};
use shared::outln;
use shared::services::redis::{RedisOptions, RedisServer};
use std::time::{Duration, Instant};

/// What the caller saw, in order.
#[derive(Debug)]
pub struct FaultReport {
    /// Writes the server acknowledged before it was killed.
    pub acknowledged: usize,
    /// The error a `GET` got while the server was down, and how long it took to come.
    pub while_down: (RedisError, Duration),
    /// `GET`s tried after the restart until one succeeded (the manager reconnects).
    pub attempts_after_restart: usize,
    /// Of the acknowledged writes, how many the restarted server still has.
    pub survived: usize,
}

// ANCHOR: manager
/// A connection that reconnects by itself, with short timeouts and a few quick retries.
pub async fn manager(url: &str) -> Result<ConnectionManager, RedisError> {
    let config = ConnectionManagerConfig::new()
        .set_connection_timeout(Some(TIMEOUT))
        .set_response_timeout(Some(TIMEOUT))
        .set_number_of_retries(3)
        .set_max_delay(Duration::from_millis(200));
    Client::open(url)?
        .get_connection_manager_with_config(config)
        .await
}
// ANCHOR_END: manager

// ANCHOR: faults
/// Write `writes` keys, kill the server, try a `GET`, restart it, wait for the manager to
/// reconnect, and count the writes that survived.
pub async fn crash_and_restart(
    server: &RedisServer,
    keys: &Keys,
    writes: usize,
) -> Result<FaultReport, Box<dyn std::error::Error>> {
    let mut con = manager(server.url()).await?;
    for i in 0..writes {
        con.set(keys.key(&format!("order:{i}")), i).await?; // acknowledged
    }
    server.stop()?; // killed: no shutdown, no save

    let start = Instant::now();
    let error = match con.get(keys.key("order:0")).await {
        Ok(_) => return Err("a GET succeeded while the server was down".into()),
        Err(error) => error,
    };
    let while_down = (error, start.elapsed());

    server.restart()?; // same port, same folder: it replays its append-only file
    let mut attempts_after_restart = 0;
    loop {
        attempts_after_restart += 1;
        match con.get(keys.key("order:0")).await {
            Ok(_) => break,
            Err(_) if attempts_after_restart < 50 => {
                tokio::time::sleep(Duration::from_millis(50)).await
            }
            Err(error) => return Err(error.into()),
        }
    }
    let names: Vec<String> = (0..writes)
        .map(|i| keys.key(&format!("order:{i}")))
        .collect();
    let values: Vec<Option<String>> = con.mget(&names).await?;
    let survived = values.iter().flatten().count();
    Ok(FaultReport {
        acknowledged: writes,
        while_down,
        attempts_after_restart,
        survived,
    })
}
// ANCHOR_END: faults

/// In a few words, which kind of failure a caller saw.
pub fn kind(error: &RedisError) -> &'static str {
    if error.is_timeout() {
        "timed out"
    } else if error.is_connection_refusal() || error.is_connection_dropped() || error.is_io_error()
    {
        "the server is unreachable"
    } else {
        "another error"
    }
}

/// The tour's section: a private server of its own, since it gets killed.
pub fn show() {
    let server = shared::services::or_exit(RedisServer::start_private(RedisOptions::append_only()));
    let keys = Keys::new();
    let result = shared::runtime::real_time().block_on(async {
        let report = crash_and_restart(&server, &keys, 1000).await?;
        outln!(
            "{} writes acknowledged, then the server was killed",
            report.acknowledged
        );
        let (error, after) = &report.while_down;
        outln!(
            "GET while it is down -> error after {:.2} s: {}",
            after.as_secs_f64(),
            kind(error)
        );
        outln!("restarted on the same port: the ConnectionManager reconnected by itself");
        outln!(
            "{} of {} acknowledged writes survived the crash",
            report.survived,
            report.acknowledged
        );
        Ok::<(), Box<dyn std::error::Error>>(())
    });
    crate::report(result);
}
