//! Run with: cargo run -p ch10_async_guards --example async_with
//!
//! `async with` in plain Rust: open, use, and always close with an async `close`, plus a
//! `Drop` that cleans up when the async exit never ran (here: the work was cancelled by a
//! timeout). Paste it into `cargo new async_with` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros", "time"] }
//! ```

use std::time::Duration;
use tokio::time::{sleep, timeout};

struct Connection {
    name: &'static str,
    closed: bool,
}

impl Connection {
    async fn open(name: &'static str) -> Self {
        println!("{name}: open"); // __aenter__
        Connection {
            name,
            closed: false,
        }
    }

    async fn query(&self, secs: u64) -> String {
        sleep(Duration::from_secs(secs)).await;
        format!("{}: {secs} s of work", self.name)
    }

    async fn close(mut self) {
        sleep(Duration::from_millis(1)).await; // an async goodbye to the server
        self.closed = true;
        println!("{}: closed", self.name); // __aexit__
    }
}

impl Drop for Connection {
    fn drop(&mut self) {
        if !self.closed {
            println!("{}: dropped without close, cleaned up in Drop", self.name);
        }
    }
}

/// `async with Connection(name) as conn: return await body(conn)`
async fn with_connection<T>(name: &'static str, body: impl AsyncFnOnce(&Connection) -> T) -> T {
    let connection = Connection::open(name).await;
    let result = body(&connection).await;
    connection.close().await;
    result
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let answer = with_connection("first", async |conn| conn.query(0).await).await;
    println!("{answer}");
    // Cancelled half-way: the async exit never runs, `Drop` still does.
    let late = timeout(
        Duration::from_millis(10),
        with_connection("second", async |conn| conn.query(3600).await),
    )
    .await;
    println!("second: timed out: {}", late.is_err());
}
