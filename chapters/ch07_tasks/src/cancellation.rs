//! Cancellation: dropping a future, aborting a task, and cleanup that runs anyway.
//!
//! Python cancels a task by throwing `CancelledError` into it at the `await` where it is
//! suspended; the coroutine can catch it, run `finally:` blocks, even refuse to stop.
//!
//! Rust has no exception to throw. A future only makes progress when it is polled, so to
//! cancel it you stop polling it and drop it. It stops at the `.await` it was suspended in,
//! and nothing after that point ever runs. What does run is every destructor of the values it
//! was holding, so cleanup goes into a `Drop` impl (an RAII guard), which runs on every path:
//! finished, dropped, aborted or panicked. `Drop` cannot `.await`; async cleanup is the subject
//! of chapter 10.
//!
//! - `tokio::time::timeout`, `select!` and `try_join!` cancel by dropping a future.
//! - [`JoinHandle::abort`](tokio::task::JoinHandle::abort) cancels a *task*: the runtime drops
//!   its future the next time it would poll it, and the handle's `.await` returns a
//!   [`JoinError`](tokio::task::JoinError) whose `is_cancelled()` is true. A task stuck in
//!   blocking code with no `.await` cannot be stopped this way.
//! - Dropping a `JoinHandle` cancels nothing: the task is detached and runs on. (A `JoinSet`
//!   is different: dropping it aborts every task in it.)

use crate::named_task::Failure;
use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: guard
/// Cleanup as a destructor: prints when dropped, however its owner stops.
#[derive(Debug)]
pub struct Cleanup {
    timeline: Timeline,
    name: &'static str,
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        self.timeline.say(format_args!("{}: cleanup", self.name));
    }
}
// ANCHOR_END: guard

// ANCHOR: steps
/// Three steps of 1 s each, holding a [`Cleanup`] guard: `try: … finally: cleanup()`.
pub async fn three_steps(timeline: Timeline, name: &'static str) -> u32 {
    let _cleanup = Cleanup { timeline, name };
    timeline.say(format_args!("{name}: started"));
    for step in 1..=3 {
        sleep(Duration::from_secs(1)).await; // a cancellation stops us here, and only here
        timeline.say(format_args!("{name}: step {step} done"));
    }
    3 // _cleanup is dropped after this, on the way out
}
// ANCHOR_END: steps

// ANCHOR: cancel
/// Drop a future, abort a task, detach a task: who stops where, and whose cleanup runs.
pub async fn cancel(timeline: Timeline) {
    // 1. A timeout drops the future when time is up: `asyncio.wait_for(coro, 1.5)`.
    let outcome =
        tokio::time::timeout(Duration::from_millis(1500), three_steps(timeline, "future"));
    if let Err(elapsed) = outcome.await {
        timeline.say(format_args!("main: {elapsed}, the future was dropped"));
    }

    // 2. Abort a spawned task: `task.cancel()`.
    let task = tokio::spawn(three_steps(timeline, "task"));
    sleep(Duration::from_millis(1500)).await;
    task.abort();
    let error = task
        .await
        .expect_err("the task was aborted before it could finish");
    timeline.say(format_args!("main: task {}", Failure::from(error))); // "was cancelled"

    // 3. Drop a JoinHandle: the task is detached, not cancelled, and runs to the end.
    drop(tokio::spawn(three_steps(timeline, "detached")));
    sleep(Duration::from_millis(3500)).await;
    timeline.say("main: done");
}
// ANCHOR_END: cancel

/// The tour section.
pub fn show() {
    shared::runtime::block_on(cancel(Timeline::start()));
}
