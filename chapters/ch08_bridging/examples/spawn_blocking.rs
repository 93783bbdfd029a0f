//! Run with: cargo run -p ch08_bridging --example spawn_blocking [-- SECONDS]
//!
//! Chapter 8's rule in one program: blocking code goes to `spawn_blocking`, and the runtime's
//! one thread keeps running the other tasks meanwhile. Here the blocking call waits until a
//! heartbeat task has ticked three times, which can only happen if the runtime thread is free:
//! called directly in `main`, the same call would wait forever. Paste it into `cargo new
//! spawn_blocking` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros", "time"] }
//! ```

use std::sync::mpsc;
use std::time::Duration;

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
    let secs = seconds(0.5);
    let (ticks, ticked) = mpsc::channel();
    let heartbeat = tokio::spawn(async move {
        for tick in 1..=3 {
            tokio::time::sleep(Duration::from_secs_f64(secs)).await;
            println!("heartbeat {tick}");
            ticks.send(tick).expect("the blocking call is listening");
        }
    });
    // A blocking call (std's channel, like a blocking client or a file read) on the blocking
    // pool, not on the runtime's thread.
    let heard = tokio::task::spawn_blocking(move || ticked.iter().take(3).count()).await?;
    println!("the blocking call returned after {heard} heartbeats");
    heartbeat.await?;
    Ok(())
}
