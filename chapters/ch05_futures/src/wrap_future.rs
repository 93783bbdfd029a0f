//! 三.5.5.2 concurrent.future.Future, second listing: awaiting a thread pool's future from async code.
//!
//! The article's `loop.run_in_executor(None, func1)` submits `func1` to a thread pool and wraps
//! the `concurrent.futures.Future` it gets with `asyncio.wrap_future`, "because a
//! `concurrent.futures.Future` does not support `await`". The point of wrapping is that the
//! event loop keeps running while the job does.
//!
//! This module proves it without a stopwatch. The job needs a *ticket* that another task on
//! the same single-threaded runtime sends. Awaiting the [`PoolFuture`] parks only the awaiting
//! task, so the other task runs, sends the ticket, and the job succeeds. Calling the blocking
//! [`PoolFuture::result`] instead parks the runtime's only thread: the other task cannot run
//! until `result()` returns, which it only does when the job gives up waiting.

use crate::thread_pool::{PoolFuture, ThreadPool};
use shared::outln;
use std::sync::mpsc;
use std::time::Duration;

// ANCHOR: ticket
/// Submit a job that waits up to `patience` for a ticket, and spawn the task that sends it.
///
/// The job returns the ticket times two, or `None` if no ticket came in time.
fn ticket_job(pool: &ThreadPool, patience: Duration) -> PoolFuture<Option<u32>> {
    let (ticket, tickets) = mpsc::channel();
    let job = pool.submit(move || tickets.recv_timeout(patience).ok().map(|t: u32| t * 2));
    tokio::spawn(async move {
        outln!("task B: runs, sends the ticket");
        let _ = ticket.send(21); // the job may have given up already
    });
    job
}

/// Await the job: the runtime runs task B meanwhile, so the job gets its ticket.
pub async fn await_job(pool: &ThreadPool, patience: Duration) -> Option<u32> {
    let job = ticket_job(pool, patience);
    outln!("main: awaiting the job");
    job.await.expect("the job does not panic")
}

/// Call `result()` inside async code: the thread is stuck, task B cannot run until the job
/// has given up waiting for its ticket.
pub async fn block_on_job(pool: &ThreadPool, patience: Duration) -> Option<u32> {
    let job = ticket_job(pool, patience);
    outln!("main: calling result() inside async code");
    let got = job.result().expect("the job does not panic");
    tokio::task::yield_now().await; // task B's turn at last: too late for the job
    got
}
// ANCHOR_END: ticket

/// How long the tour's job waits for its ticket.
pub const PATIENCE: Duration = Duration::from_millis(300);

/// The tour section: both ways, each on a fresh single-threaded runtime.
pub fn show() {
    let pool = ThreadPool::new(1);
    let got = shared::runtime::block_on(await_job(&pool, PATIENCE));
    outln!("main: the job returned {got:?}");
    outln!();
    let got = shared::runtime::block_on(block_on_job(&pool, PATIENCE));
    outln!(
        "main: the job returned {got:?} after waiting {} ms for a ticket",
        PATIENCE.as_millis()
    );
}
