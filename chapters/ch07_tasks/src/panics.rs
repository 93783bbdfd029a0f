//! A task that panics: its [`JoinError`](tokio::task::JoinError), and the others carry on.
//!
//! In Python an exception that escapes a task is stored in it; `task.result()` re-raises it,
//! and the other tasks never notice. tokio does the same with panics: the runtime catches the
//! panic at the task's boundary, drops the task's future (running its destructors), keeps the
//! worker thread and every other task alive, and hands the panic to whoever awaits the
//! `JoinHandle`, as a `JoinError` whose `is_panic()` is true. The [`Failure`] of a
//! [`NamedTask`](crate::named_task::NamedTask) turns it into the message, under the task's name.
//!
//! The panic is also reported the moment it happens, by the process's *panic hook*, which
//! prints `thread 'main' panicked at …` to stderr. The tour has the `JoinError` say it instead,
//! so it swaps in a silent hook for the length of the section: [`shared::panics::QuietPanics`].

use crate::create_task::job;
use crate::named_task::{Failure, spawn_named};
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: boom
/// A job that panics halfway, like a coroutine that raises.
async fn boom(timeline: Timeline, name: &str) -> u64 {
    timeline.say(format_args!("{name}: 你好"));
    sleep(Duration::from_millis(1500)).await;
    panic!("{name} hit a bug");
}
// ANCHOR_END: boom

// ANCHOR: panicking
/// Three named tasks, the middle one panics; each result is reported as it comes.
pub async fn one_task_panics(timeline: Timeline) -> Vec<Result<u64, Failure>> {
    let tasks = [
        spawn_named("n0", job(timeline, "n0", 1)),
        spawn_named("n1", boom(timeline, "n1")),
        spawn_named("n2", job(timeline, "n2", 2)),
    ];
    let mut running: FuturesUnordered<_> = tasks.into_iter().collect();
    let mut results = Vec::new();
    while let Some(finished) = running.next().await {
        timeline.say(format_args!("main: {finished}"));
        results.push(finished.result);
    }
    results
}
// ANCHOR_END: panicking

/// The tour section.
pub fn show() {
    let _quiet = shared::panics::QuietPanics::new();
    shared::runtime::block_on(one_task_panics(Timeline::start()));
}
