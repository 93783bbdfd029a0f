//! A Redis server for the Redis chapter: the reader's (`REDIS_URL`) or a private
//! `redis-server` on a free 127.0.0.1 port in a temporary folder.
//!
//! Readiness is checked with a plain `PING` over TCP, so this crate needs no Redis client.

use super::ServiceError;
use super::private::{self, Private, Setup as _, on_a_free_port};
use super::process::{self, Guarded};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

/// The environment variable naming the reader's own server: `redis://127.0.0.1:6379/`.
pub const URL_VAR: &str = "REDIS_URL";

const BINARY: &str = "redis-server";

/// How a private server is configured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RedisOptions {
    /// Log every write to an append-only file, flushed to disk before the write is
    /// acknowledged (`appendonly yes`, `appendfsync always`), so a restarted server still has
    /// every acknowledged write. Off by default: no persistence at all.
    pub append_only: bool,
}

impl RedisOptions {
    /// Persistence on: see [`RedisOptions::append_only`].
    pub fn append_only() -> Self {
        RedisOptions { append_only: true }
    }
}

/// A Redis server: the reader's own, or a private one this process started.
#[derive(Debug)]
pub struct RedisServer {
    url: String,
    private: Private<Setup>,
}

/// How a private server is started, again the same way on restart.
#[derive(Debug)]
struct Setup {
    port: u16,
    options: RedisOptions,
}

static SHARED: OnceLock<Result<RedisServer, ServiceError>> = OnceLock::new();

/// The binaries a private server needs that this machine lacks.
pub(crate) fn missing_binaries() -> &'static [&'static str] {
    if process::find_binary(&[BINARY]).is_some() {
        &[]
    } else {
        &[BINARY]
    }
}

pub(crate) fn stop_shared() {
    if let Some(Ok(server)) = SHARED.get() {
        server.private.shut_down();
    }
}

fn binary() -> Result<PathBuf, ServiceError> {
    process::find_binary(&[BINARY]).ok_or_else(|| ServiceError::Missing(vec![BINARY]))
}

impl RedisServer {
    /// The process's server: `REDIS_URL` if set, otherwise a private server started on first
    /// use (persistence off) and stopped when the process ends. Blocks while it starts; call it
    /// before entering a runtime or from `spawn_blocking`.
    pub fn shared() -> Result<&'static RedisServer, ServiceError> {
        SHARED
            .get_or_init(|| match std::env::var(URL_VAR) {
                Ok(url) => Ok(RedisServer {
                    url,
                    private: Private::none(),
                }),
                Err(_) => RedisServer::start_private(RedisOptions::default()),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// For tour sections: [`RedisServer::shared`], or print what to install and exit 2.
    pub fn shared_or_exit() -> &'static RedisServer {
        super::or_exit(RedisServer::shared())
    }

    /// A server of the caller's own, whatever `REDIS_URL` says: for what one must not do to a
    /// shared server (stop it, restart it, turn persistence on). Stopped and removed when
    /// dropped.
    pub fn start_private(options: RedisOptions) -> Result<RedisServer, ServiceError> {
        binary()?;
        let (setup, folder, process) = on_a_free_port(|port| {
            let folder = tempfile::Builder::new()
                .prefix("redis-")
                .tempdir()
                .map_err(|e| ServiceError::Failed(format!("no temporary folder for Redis: {e}")))?;
            let setup = Setup {
                port,
                options: options.clone(),
            };
            let process = setup.start(folder.path())?;
            Ok((setup, folder, process))
        })?;
        Ok(RedisServer {
            url: format!("redis://127.0.0.1:{}/", setup.port),
            private: Private::started(setup, folder, process),
        })
    }

    /// Where to connect: `redis://127.0.0.1:PORT/`, or the reader's `REDIS_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether this process started the server (rather than using `REDIS_URL`).
    pub fn is_private(&self) -> bool {
        self.private.is_private()
    }

    /// Kill a private server (no shutdown, no save: as if it crashed). Its port and folder
    /// stay reserved for [`RedisServer::restart`]; clients see refused connections meanwhile.
    pub fn stop(&self) -> Result<(), ServiceError> {
        self.private.stop()
    }

    /// Start a stopped private server again, on the same port, with the same folder (so with
    /// append-only persistence on, it reloads every acknowledged write).
    pub fn restart(&self) -> Result<(), ServiceError> {
        self.private.restart()
    }

    /// For tests and tools: the folder a private server runs in (its log, its append-only
    /// file); `None` for the reader's server, and once the server is shut down.
    pub fn folder(&self) -> Option<PathBuf> {
        self.private.folder()
    }

    /// For tests of the cleanup: let go of a running private server the way a process that
    /// dies does, without stopping it. Its watchdog's lifeline closes, so the watchdog kills
    /// the server and removes its folder; the server's and the watchdog's processes are
    /// returned, to wait for.
    pub fn abandon(&self) -> Result<(Child, Child), ServiceError> {
        self.private.abandon()
    }
}

impl private::Setup for Setup {
    const NAME: &'static str = "Redis";
    const URL_VAR: &'static str = URL_VAR;

    fn start(&self, folder: &Path) -> Result<Guarded, ServiceError> {
        let log = folder.join("redis.log");
        let mut command = Command::new(binary()?);
        command
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .arg("--dir")
            .arg(folder)
            .arg("--logfile")
            .arg(&log)
            .args(["--daemonize", "no", "--save", ""])
            .args(if self.options.append_only {
                ["--appendonly", "yes", "--appendfsync", "always"]
            } else {
                ["--appendonly", "no", "--appendfsync", "everysec"]
            })
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let port = self.port;
        process::start_when_ready(BINARY, command, folder, &log, || answers_ping(port))
    }
}

/// Whether a Redis server on 127.0.0.1:`port` answers `PING` with `+PONG`.
fn answers_ping(port: u16) -> bool {
    let attempt = || -> std::io::Result<bool> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(1)))?;
        stream.write_all(b"PING\r\n")?;
        let mut reply = [0u8; 7];
        stream.read_exact(&mut reply)?;
        Ok(&reply == b"+PONG\r\n")
    };
    attempt().unwrap_or(false)
}
