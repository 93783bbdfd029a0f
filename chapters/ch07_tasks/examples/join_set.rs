//! Run with: cargo run -p ch07_tasks --example join_set [-- SECONDS]
//!
//! Chapter 7's tasks in one program: spawned tasks collected as they finish (asyncio's
//! `as_completed`), and a task cancelled (`task.cancel()`). Paste it into `cargo new join_set`
//! with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros", "time"] }
//! ```

use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// The first argument as seconds, or `default`; anything else is a usage error (exit code 2).
fn seconds(default: f64) -> f64 {
    let Some(arg) = std::env::args().nth(1) else {
        return default;
    };
    match arg.parse::<f64>() {
        Ok(secs) if (0.0..=60.0).contains(&secs) => secs,
        _ => {
            eprintln!("expected seconds between 0 and 60, got {arg:?}");
            std::process::exit(2);
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secs = seconds(1.0);
    let unit = Duration::from_secs_f64(secs);

    let mut set = JoinSet::new();
    for (name, units) in [("slow", 3), ("fast", 1), ("medium", 2)] {
        set.spawn(async move {
            sleep(unit * units).await;
            name
        });
    }
    while let Some(finished) = set.join_next().await {
        println!("{} finished", finished?); // in the order they finish
    }

    let task = tokio::spawn(async move {
        sleep(unit * 10).await;
        println!("never printed");
    });
    task.abort(); // task.cancel()
    let error = task.await.expect_err("an aborted task has no result");
    println!("cancelled: {}", error.is_cancelled());
    Ok(())
}
