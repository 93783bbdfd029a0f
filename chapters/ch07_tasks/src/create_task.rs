//! 三.5.3 await, example 4 and 三.5.4 Task 对象, example 1: `asyncio.create_task` is `tokio::spawn`.
//!
//! A future, like a coroutine object, runs only while somebody awaits it. A *task* is a future
//! the runtime drives by itself: it starts as soon as the spawning code reaches an `.await`
//! (on a one-thread runtime) or right away on another worker thread, whether or not its handle
//! is ever awaited. Awaiting the handle only collects the result.
//!
//! The article names its tasks (`name=f"n{i}"`); [`spawn_named`] does the same here and
//! [`wait`] collects them as `asyncio.wait(tasks, timeout=None)` does.

use crate::named_task::spawn_named;
use crate::wait::wait;
use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: job
/// The article's `func`, given a name and a duration: greet, sleep, greet, return the seconds.
pub async fn job(timeline: Timeline, name: &str, secs: u64) -> u64 {
    timeline.say(format_args!("{name}: 你好"));
    sleep(Duration::from_secs(secs)).await; // suspended here: other tasks run meanwhile
    timeline.say(format_args!("{name}: Hello"));
    secs
}
// ANCHOR_END: job

// ANCHOR: spawn
/// A bare future waits to be awaited; a spawned task runs on its own.
pub async fn future_versus_task(timeline: Timeline) -> (u64, u64) {
    let future = job(timeline, "future", 2); // a coroutine object: nothing runs yet
    let task = tokio::spawn(job(timeline, "task", 2)); // create_task: scheduled now
    sleep(Duration::from_secs(1)).await; // the task starts while main sleeps
    timeline.say("main: awaiting the future, then the task");
    let from_future = future.await; // only now does its body start
    // Awaiting a JoinHandle gives Result<T, JoinError>: Err if the task panicked or was aborted.
    let from_task = task.await.expect("job never panics");
    timeline.say(format_args!(
        "main: future -> {from_future}, task -> {from_task}"
    ));
    (from_future, from_task)
}
// ANCHOR_END: spawn

// ANCHOR: named
/// 三.5.4 Task 对象, example 1: three named tasks, `asyncio.wait(tasks, timeout=None)`, the first result.
pub async fn named_tasks(timeline: Timeline) -> Vec<String> {
    let tasks: Vec<_> = ["n0", "n1", "n2"]
        .into_iter()
        .map(|name| spawn_named(name, job(timeline, name, 2)))
        .collect();
    let (done, _none_pending) = wait(tasks, None).await; // no timeout: all of them finish
    let report: Vec<String> = done.iter().map(ToString::to_string).collect();
    timeline.say(format_args!("main: done {report:?}"));
    report
}
// ANCHOR_END: named

/// The tour section for 三.5.3 await, example 4.
pub fn show_spawn() {
    shared::runtime::block_on(future_versus_task(Timeline::start()));
}

/// The tour section for 三.5.4 Task 对象, example 1.
pub fn show_named() {
    shared::runtime::block_on(named_tasks(Timeline::start()));
}
