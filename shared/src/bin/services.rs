//! Run with `cargo run -p shared --bin services -- redis mariadb`: start the project's
//! private servers (or take `REDIS_URL` / `DATABASE_URL`), print where they are as
//! `REDIS_URL=…` / `DATABASE_URL=…` lines, and keep them until standard input closes
//! (Ctrl-D, or the parent process ending). `tests/parity.py` uses it to run the Python
//! listings against the same kind of server as the Rust ones; readers can use it to try
//! `redis-cli -u` or `mariadb` against a throwaway server.

use shared::services::mariadb::MariaDbServer;
use shared::services::redis::RedisServer;
use shared::services::{self, ServiceError};
use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut lines = Vec::new();
    for name in std::env::args().skip(1) {
        let line = match name.as_str() {
            "redis" => RedisServer::shared().map(|s| format!("REDIS_URL={}", s.url())),
            "mariadb" => MariaDbServer::shared().map(|s| format!("DATABASE_URL={}", s.url())),
            other => Err(ServiceError::Failed(format!(
                "unknown server `{other}`: the servers are redis and mariadb"
            ))),
        };
        match line {
            Ok(line) => lines.push(line),
            Err(error) => {
                eprintln!("services: {error}");
                services::stop_shared();
                return ExitCode::from(2);
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    for line in &lines {
        let _ = writeln!(stdout, "{line}");
    }
    let _ = stdout.flush();
    drop(stdout);
    // Wait for standard input to close; whatever is typed is ignored.
    let _ = std::io::copy(
        &mut std::io::stdin().lock().take(u64::MAX),
        &mut std::io::sink(),
    );
    services::stop_shared();
    ExitCode::SUCCESS
}
