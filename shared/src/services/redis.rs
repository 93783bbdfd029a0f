//! A Redis server for the Redis chapter: the reader's (`REDIS_URL`) or a private
//! `redis-server` on a free 127.0.0.1 port in a temporary folder.
//!
//! Readiness is checked with a plain `PING` over TCP, so this crate needs no Redis client.

use super::ServiceError;
use super::process::{self, Guarded};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
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
    private: Option<Mutex<Private>>,
}

#[derive(Debug)]
struct Private {
    port: u16,
    options: RedisOptions,
    /// `None` once stopped for good (the folder is gone).
    folder: Option<tempfile::TempDir>,
    /// `None` while stopped.
    process: Option<Guarded>,
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
        server.shut_down();
    }
}

impl RedisServer {
    /// The process's server: `REDIS_URL` if set, otherwise a private server started on first
    /// use (persistence off) and stopped when the process ends. Blocks while it starts; call it
    /// before entering a runtime or from `spawn_blocking`.
    pub fn shared() -> Result<&'static RedisServer, ServiceError> {
        SHARED
            .get_or_init(|| match std::env::var(URL_VAR) {
                Ok(url) => Ok(RedisServer { url, private: None }),
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
        let binary =
            process::find_binary(&[BINARY]).ok_or_else(|| ServiceError::Missing(vec![BINARY]))?;
        let mut last_error = None;
        // A free port can be taken by someone else before the server binds it: try another.
        for _ in 0..3 {
            let folder = tempfile::Builder::new()
                .prefix("redis-")
                .tempdir()
                .map_err(|e| ServiceError::Failed(format!("no temporary folder for Redis: {e}")))?;
            let port = process::free_port()?;
            let mut private = Private {
                port,
                options: options.clone(),
                folder: Some(folder),
                process: None,
            };
            match private.start(&binary) {
                Ok(()) => {
                    return Ok(RedisServer {
                        url: format!("redis://127.0.0.1:{port}/"),
                        private: Some(Mutex::new(private)),
                    });
                }
                Err(error) => last_error = Some(error),
            }
        }
        Err(last_error.expect("three attempts were made"))
    }

    /// Where to connect: `redis://127.0.0.1:PORT/`, or the reader's `REDIS_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether this process started the server (rather than using `REDIS_URL`).
    pub fn is_private(&self) -> bool {
        self.private.is_some()
    }

    /// Kill a private server (no shutdown, no save: as if it crashed). Its port and folder
    /// stay reserved for [`RedisServer::restart`]; clients see refused connections meanwhile.
    pub fn stop(&self) -> Result<(), ServiceError> {
        let mut private = self.lock("stop")?;
        if let Some(process) = private.process.take() {
            process.stop();
        }
        Ok(())
    }

    /// Start a stopped private server again, on the same port, with the same folder (so with
    /// append-only persistence on, it reloads every acknowledged write).
    pub fn restart(&self) -> Result<(), ServiceError> {
        let mut private = self.lock("restart")?;
        if private.process.is_some() {
            return Ok(());
        }
        let binary =
            process::find_binary(&[BINARY]).ok_or_else(|| ServiceError::Missing(vec![BINARY]))?;
        private.start(&binary)
    }

    /// For tests and tools: the folder a private server runs in (its log, its append-only
    /// file); `None` for the reader's server, and once the server is shut down.
    pub fn folder(&self) -> Option<PathBuf> {
        let private = self.private.as_ref()?;
        let private = private.lock().unwrap_or_else(|p| p.into_inner());
        Some(private.folder.as_ref()?.path().to_path_buf())
    }

    /// For tests of the cleanup: let go of a running private server the way a process that
    /// dies does, without stopping it. Its watchdog's lifeline closes, so the watchdog kills
    /// the server and removes its folder; the server's and the watchdog's processes are
    /// returned, to wait for.
    pub fn abandon(&self) -> Result<(Child, Child), ServiceError> {
        let mut private = self.lock("abandon")?;
        let process = private
            .process
            .take()
            .ok_or_else(|| ServiceError::Failed("this Redis server is not running".into()))?;
        let (server, watchdog, lifeline) = process.into_parts();
        drop(lifeline);
        Ok((server, watchdog))
    }

    fn lock(&self, what: &str) -> Result<MutexGuard<'_, Private>, ServiceError> {
        let private = self.private.as_ref().ok_or_else(|| {
            ServiceError::NotPrivate(format!(
                "cannot {what} the server in {URL_VAR}: only a private server can be stopped"
            ))
        })?;
        Ok(private
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    fn shut_down(&self) {
        if let Some(private) = &self.private {
            let mut private = private.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(process) = private.process.take() {
                process.stop();
            }
            private.folder.take();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.shut_down();
    }
}

impl Private {
    fn start(&mut self, binary: &PathBuf) -> Result<(), ServiceError> {
        let folder = self
            .folder
            .as_ref()
            .ok_or_else(|| ServiceError::Failed("this Redis server was shut down".into()))?
            .path()
            .to_path_buf();
        let log = folder.join("redis.log");
        let mut command = Command::new(binary);
        command
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .arg("--dir")
            .arg(&folder)
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
        let mut guarded = Guarded::spawn(command, &folder)?;
        let port = self.port;
        match process::wait_until_ready(BINARY, &mut guarded, &log, || answers_ping(port)) {
            Ok(()) => {
                self.process = Some(guarded);
                Ok(())
            }
            Err(error) => {
                guarded.stop();
                Err(error)
            }
        }
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
