//! Run with: cargo run -p ch04_async_await --example three_tasks [-- SECONDS]
//!
//! The article's 三.5.3 example 4: three tasks that each sleep 2 s finish together after 2 s,
//! not 6. (Give another number of seconds as the argument.) Paste it into `cargo new
//! three_tasks` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros", "time"] }
//! ```

use std::time::{Duration, Instant};

async fn func(name: &'static str, secs: f64) -> String {
    println!("{name}: 你好");
    tokio::time::sleep(Duration::from_secs_f64(secs)).await; // the other tasks run meanwhile
    println!("{name}: Hello");
    format!("{name} done")
}

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
    let secs = seconds(2.0);
    let start = Instant::now();
    // asyncio.create_task(func()) three times: all three start before any is awaited.
    let tasks = ["n1", "n2", "n3"].map(|name| tokio::spawn(func(name, secs)));
    for task in tasks {
        println!("{}", task.await?);
    }
    println!(
        "took {:.1} s for three {secs} s sleeps",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
