//! `asyncio.gather` in Rust: `join!`, `try_join!` and `join_all`.
//!
//! `await asyncio.gather(a(), b())` runs its arguments concurrently and returns their results
//! in argument order. [`tokio::join!`] is the same for a fixed list of futures of any types
//! (the results come back as a tuple), and `futures::future::join_all` for a `Vec` of one type
//! (see `bare_futures`). None of them spawns: the futures are polled by the awaiting task.
//!
//! Errors differ. When one awaitable of `gather` raises, `gather` raises too, but the others
//! go on running, unsupervised. [`tokio::try_join!`] returns the first `Err` and *drops* the
//! other futures at once, cancelling them where they stand: that is what Python 3.11's
//! `asyncio.TaskGroup` does, and why it is the better Python equivalent.

use crate::create_task::job;
use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

/// `job`, as a fallible future (`try_join!` wants every branch to return a `Result`).
async fn ok_job(timeline: Timeline, name: &str, secs: u64) -> Result<u64, String> {
    Ok(job(timeline, name, secs).await)
}

// ANCHOR: failing
/// A job that gives up after `secs` with an error naming itself.
async fn failing_job(timeline: Timeline, name: &str, secs: u64) -> Result<u64, String> {
    timeline.say(format_args!("{name}: 你好"));
    sleep(Duration::from_secs(secs)).await;
    timeline.say(format_args!("{name}: giving up"));
    Err(format!("{name} gave up"))
}
// ANCHOR_END: failing

// ANCHOR: gather
/// `gather(a(), b())` with `join!`, then the first error wins with `try_join!`.
pub async fn gather(timeline: Timeline) -> ((u64, u64), Result<(u64, u64), String>) {
    let both = tokio::join!(job(timeline, "a", 1), job(timeline, "b", 2));
    timeline.say(format_args!("main: both -> {both:?}"));

    // "c" fails after 1 s; "d" is dropped at its sleep and never says Hello.
    let first_error = tokio::try_join!(ok_job(timeline, "d", 2), failing_job(timeline, "c", 1));
    if let Err(error) = &first_error {
        timeline.say(format_args!("main: first error: {error}"));
    }
    (both, first_error)
}
// ANCHOR_END: gather

/// The tour section.
pub fn show() {
    let _printed_already = shared::runtime::block_on(gather(Timeline::start()));
}
