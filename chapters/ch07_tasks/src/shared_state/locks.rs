//! `asyncio.Lock` has two Rust counterparts; which one is right depends on one question:
//! is anything awaited while the lock is held?
//!
//! - **No** (update a map, bump a count, push to a `Vec`): `std::sync::Mutex`. Locking it is a
//!   few nanoseconds when uncontended, and since the holder never awaits it is held only for
//!   that long, so waiting for it never stalls a runtime thread for long. tokio's own docs
//!   recommend it for this case.
//! - **Yes** (read, ask a slow service, write; or a connection used for a whole exchange):
//!   `tokio::sync::Mutex`. Its `lock().await` suspends the waiting task instead of blocking the
//!   thread, and its guard may be held across `.await`.
//!
//! The compiler enforces the boundary for spawned tasks: a `std::sync::MutexGuard` is not
//! `Send`, so a task holding one across an `.await` cannot be spawned (E0277, "future cannot
//! be sent between threads safely"): `compile_fail/std_guard_across_await.rs`, a doctest of
//! [`crate::shared_state`].

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: std_mutex
/// Hits per path, counted by many tasks: a `std::sync::Mutex`, because the lock is never held
/// across an `.await`.
#[derive(Debug, Default)]
pub struct HitCounter {
    hits: Mutex<BTreeMap<String, u64>>,
}

impl HitCounter {
    /// Count one hit; the guard lives for this one statement.
    pub fn hit(&self, path: &str) {
        *self
            .hits
            .lock()
            .expect("no thread panics holding the lock")
            .entry(path.to_owned())
            .or_default() += 1;
    }

    /// A copy of the counts so far.
    pub fn snapshot(&self) -> BTreeMap<String, u64> {
        self.hits
            .lock()
            .expect("no thread panics holding the lock")
            .clone()
    }
}

/// `tasks` tasks each count `each` hits on three paths, letting the others run between hits.
pub async fn count_hits(tasks: usize, each: usize) -> BTreeMap<String, u64> {
    let counter = Arc::new(HitCounter::default());
    let mut set = JoinSet::new();
    for task in 0..tasks {
        let counter = Arc::clone(&counter);
        set.spawn(async move {
            for hit in 0..each {
                counter.hit(&format!("/page/{}", (task + hit) % 3));
                tokio::task::yield_now().await; // awaiting *without* the lock
            }
        });
    }
    set.join_all().await;
    counter.snapshot()
}
// ANCHOR_END: std_mutex

// ANCHOR: tokio_mutex
/// One connection, used for a whole request/response exchange: a `tokio::sync::Mutex`,
/// because the guard is held while the reply is awaited. Returns each task's view of the
/// exchange, in the order the exchanges happened.
pub async fn exchanges(tasks: usize, round_trip: Duration) -> Vec<String> {
    let connection = Arc::new(tokio::sync::Mutex::new(Vec::new())); // stands in for a socket
    let mut set = JoinSet::new();
    for task in 0..tasks {
        let connection = Arc::clone(&connection);
        set.spawn(async move {
            let mut wire = connection.lock().await;
            wire.push(format!("request {task}"));
            sleep(round_trip).await; // waiting for the reply, connection still ours
            wire.push(format!("reply {task}"));
        });
    }
    set.join_all().await;
    Arc::try_unwrap(connection)
        .expect("every task is done")
        .into_inner()
}
// ANCHOR_END: tokio_mutex
