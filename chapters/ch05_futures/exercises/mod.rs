//! # Chapter 5 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch05`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch05 yield_now`.
//! The statements, with the solutions folded away, are also in the book's chapter 5.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: yield_now
/// Exercise `yield_now`: a future that lets the other tasks run once, like Python's
/// `await asyncio.sleep(0)`, written by hand.
///
/// The first poll returns `Pending`, and must make sure the task gets polled again: no timer
/// or socket will wake it. The second poll returns `Ready(())`.
#[derive(Debug, Default)]
pub struct YieldNow {
    /// Whether the first poll has happened.
    pub yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        todo!("exercise `yield_now` is not written yet (ask for a hint: just hint ch05 yield_now)")
    }
}
// ANCHOR_END: yield_now

// ANCHOR: run_in_thread
/// Exercise `run_in_thread`: run the blocking `job` on a new OS thread and await its result
/// *without blocking the runtime* (Python: `await asyncio.to_thread(job)`). `None` if the job
/// panicked. Translate this Python, which does it with a future set from the thread:
///
/// ```python
/// async def run_in_thread(job):
///     loop = asyncio.get_running_loop()
///     future = loop.create_future()
///
///     def worker():
///         try:
///             result = job()
///         except Exception:
///             result = None
///         loop.call_soon_threadsafe(future.set_result, result)
///
///     threading.Thread(target=worker).start()
///     return await future
/// ```
///
/// The test runs it on a single-threaded runtime with a job that can only finish after
/// another task on that runtime has run: joining the thread would wait forever.
pub async fn run_in_thread<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    todo!(
        "exercise `run_in_thread` is not written yet (ask for a hint: just hint ch05 run_in_thread)"
    )
}
// ANCHOR_END: run_in_thread
