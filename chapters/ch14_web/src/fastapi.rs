//! The same service on FastAPI (`python/app.py`, served by uvicorn with uvloop and
//! httptools), started on a free port for the parity tests and the benchmarks.

use shared::bench::{python_interpreter, workspace_root};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The app, relative to the workspace root.
pub const APP: &str = "chapters/ch14_web/python/app.py";

/// Why the FastAPI side cannot run here, if it cannot: the project's Python lacks a package.
pub fn missing() -> Option<String> {
    let python = python_interpreter();
    let check = Command::new(&python)
        .args(["-c", "import fastapi, uvicorn, uvloop, httptools, redis"])
        .stderr(Stdio::null())
        .status();
    match check {
        Ok(status) if status.success() => None,
        _ => Some(format!(
            "{} cannot import FastAPI, uvicorn, uvloop, httptools and redis: \
             python3 -m venv .venv && .venv/bin/pip install -r chapters/ch14_web/python/requirements.txt",
            python.display()
        )),
    }
}

/// uvicorn serving `python/app.py` on 127.0.0.1; killed when dropped.
#[derive(Debug)]
pub struct FastApi {
    child: Child,
    port: u16,
}

impl FastApi {
    /// Start it with Redis at `redis_url`, every key under `key_prefix`, and `GET /red`
    /// waiting `red_wait_ms` by default; returns once it answers `GET /`.
    ///
    /// # Errors
    /// Python cannot start it, or it does not answer within 30 s.
    pub fn start(redis_url: &str, key_prefix: &str, red_wait_ms: u64) -> Result<FastApi, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let child = Command::new(python_interpreter())
            .arg(workspace_root().join(APP))
            .args(["--addr", &format!("127.0.0.1:{port}"), "--no-access-log"])
            .env("REDIS_URL", redis_url)
            .env("KEY_PREFIX", key_prefix)
            .env("RED_WAIT_MS", red_wait_ms.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {APP}: {e}"))?;
        let mut app = FastApi { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = app.child.try_wait() {
                return Err(format!("{APP} exited at start: {status}"));
            }
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(app);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!("{APP} did not listen within 30 s"))
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for FastApi {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
