//! Every workload on every executor, one table: what the benchmark suite measures, once.
//!
//! `just bench` repeats the tokio rows beside asyncio and uvloop (see [`crate::bench`]); this
//! section runs each workload once per executor so a reader sees the spread in one go. Each
//! cell is checked (every task finished, every round trip came back) before it is printed.

use crate::executors::Kind;
use crate::workloads::{Parked, PingPong, Sleepers, SpawnYield, thread_sleepers, timed};
use shared::outln;
use std::time::Duration;

/// Tasks spawned, round trips, sleepers and parked tasks: the sizes of the figures.
pub const SPAWNED: usize = 100_000;
/// Ping-pong round trips.
pub const ROUND_TRIPS: usize = 100_000;
/// Sleeping tasks (and threads).
pub const SLEEPERS: usize = 10_000;
/// How long each sleeper sleeps.
pub const SLEEP: Duration = Duration::from_secs(1);
/// Tasks parked on one notification.
pub const PARKED: usize = 100_000;

/// The tour section.
pub fn show() {
    outln!(
        "{SPAWNED} tasks spawned, each yielding once; {ROUND_TRIPS} ping-pong round trips; \
         {SLEEPERS} tasks sleeping {} s; {PARKED} tasks parked on one Notify",
        SLEEP.as_secs()
    );
    // Cells are separated, not padded: the numbers' widths change from run to run.
    outln!("| executor | spawn + yield | ping-pong round trip | sleepers | parked |");
    for kind in Kind::ALL {
        let (sum, spawn) = timed(kind, SpawnYield { tasks: SPAWNED });
        assert_eq!(sum, SPAWNED * (SPAWNED - 1) / 2, "every task ran once");
        let (replies, ping) = timed(
            kind,
            PingPong {
                rounds: ROUND_TRIPS,
            },
        );
        assert_eq!(replies.len(), ROUND_TRIPS, "every round trip came back");
        let (slept, sleep) = timed(
            kind,
            Sleepers {
                tasks: SLEEPERS,
                duration: SLEEP,
            },
        );
        assert_eq!(slept, SLEEPERS, "every sleeper woke");
        let (parked, _) = timed(kind, Parked { tasks: PARKED });
        assert_eq!(parked.woken, PARKED, "one notification woke every task");
        let bytes = parked
            .bytes_per_task
            .map_or("not counted".to_owned(), |b| format!("{b:.1} B per task"));
        outln!(
            "| {} | {:.1} ms | {:.1} ns | {:.2} s | {} |",
            kind.name(),
            spawn.as_secs_f64() * 1e3,
            ping.as_secs_f64() * 1e9 / ROUND_TRIPS as f64,
            sleep.as_secs_f64(),
            bytes
        );
    }
    let start = std::time::Instant::now();
    match thread_sleepers(SLEEPERS, SLEEP) {
        Ok(finished) => outln!(
            "| {finished} OS threads | | | {:.2} s | |",
            start.elapsed().as_secs_f64()
        ),
        Err(error) => outln!("OS threads: could not start {SLEEPERS} threads: {error}"),
    }
    outln!(
        "(debug-build timings mean little: cargo run --release -p ch11_runtimes -- side_by_side)"
    );
}
