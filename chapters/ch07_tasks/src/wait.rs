//! 三.5.4 Task 对象: `done, pending = await asyncio.wait(tasks, timeout=…)`.
//!
//! `asyncio.wait` returns when every task is done or the timeout passes, whichever comes
//! first, and hands back two sets: the tasks that finished and the tasks still running. It
//! cancels nothing: deciding what to do with the pending ones is the caller's job.
//!
//! [`wait`] does the same with [`NamedTask`]s. It polls them all through a
//! [`FuturesUnordered`], which yields each task as it finishes, under one deadline. When the
//! deadline passes, `timeout_at` drops the `next()` call it was waiting on; that is harmless,
//! because `next()` holds no result of its own (it is *cancel-safe*), so the tasks still in
//! the set are exactly the pending ones, still running, handed back to the caller.

use crate::create_task::job;
use crate::named_task::{Finished, NamedTask, spawn_named};
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use shared::Timeline;
use std::time::Duration;
use tokio::time::{Instant, timeout_at};

// ANCHOR: wait
/// `asyncio.wait(tasks, timeout)`: (done in the order they finished, pending in no order).
pub async fn wait<T>(
    tasks: impl IntoIterator<Item = NamedTask<T>>,
    timeout: Option<Duration>,
) -> (Vec<Finished<T>>, Vec<NamedTask<T>>) {
    let mut running: FuturesUnordered<NamedTask<T>> = tasks.into_iter().collect();
    let deadline = timeout.map(|timeout| Instant::now() + timeout);
    let mut done = Vec::new();
    loop {
        let next = match deadline {
            None => running.next().await,
            Some(deadline) => match timeout_at(deadline, running.next()).await {
                Ok(next) => next,
                Err(_elapsed) => break, // time is up: whatever is left is pending
            },
        };
        match next {
            Some(finished) => done.push(finished),
            None => break, // every task is done
        }
    }
    (done, running.into_iter().collect())
}
// ANCHOR_END: wait

// ANCHOR: split
/// Four tasks of 1–4 s, a 2.5 s timeout: two done, two pending. Keep one, cancel the other.
pub async fn wait_with_timeout(timeline: Timeline) -> Vec<String> {
    let tasks = [("n0", 1), ("n1", 2), ("n2", 3), ("n3", 4)]
        .map(|(name, secs)| spawn_named(name, job(timeline, name, secs)));
    let (done, mut pending) = wait(tasks, Some(Duration::from_millis(2500))).await;
    pending.sort_by(|a, b| a.name().cmp(b.name())); // pending comes in no particular order
    let done: Vec<String> = done.iter().map(ToString::to_string).collect();
    let names: Vec<&str> = pending.iter().map(NamedTask::name).collect();
    timeline.say(format_args!("main: done {done:?}, pending {names:?}"));

    // What now? n2 is nearly there: keep it. n3 is not worth waiting for: cancel it.
    timeline.say("main: cancelling n3, still waiting for n2");
    pending
        .iter()
        .filter(|task| task.name() == "n3")
        .for_each(NamedTask::abort);
    let mut rest: FuturesUnordered<_> = pending.into_iter().collect();
    let mut report = done;
    while let Some(finished) = rest.next().await {
        timeline.say(format_args!("main: {finished}"));
        report.push(finished.to_string());
    }
    report
}
// ANCHOR_END: split

/// The tour section.
pub fn show() {
    shared::runtime::block_on(wait_with_timeout(Timeline::start()));
}
