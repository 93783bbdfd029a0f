//! What the services' test files share: a check that fails with a message, and a Redis `PING`
//! of their own, so that no test trusts the readiness check it is testing.

// Each test file uses part of this module.
#![allow(dead_code)]

use libtest_mimic::Failed;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// `Err("expected: {what}")` unless `condition` holds.
pub fn check(condition: bool, what: &str) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(format!("expected: {what}").into())
    }
}

/// Whether a Redis server at `address` (`127.0.0.1:6379`) answers `PING` with `+PONG`.
pub fn answers_ping(address: &str) -> bool {
    let attempt = || -> std::io::Result<bool> {
        let mut stream = TcpStream::connect(address)?;
        stream.set_read_timeout(Some(Duration::from_secs(5)))?;
        stream.write_all(b"PING\r\n")?;
        let mut reply = [0u8; 7];
        stream.read_exact(&mut reply)?;
        Ok(&reply == b"+PONG\r\n")
    };
    attempt().unwrap_or(false)
}

/// The `host:port` of a `redis://host:port/` URL.
pub fn redis_address(url: &str) -> &str {
    url.trim_start_matches("redis://").trim_end_matches('/')
}
