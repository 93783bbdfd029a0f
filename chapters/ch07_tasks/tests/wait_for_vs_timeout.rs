//! `asyncio.wait_for(task, t)` and `tokio::time::timeout(t, handle)` look alike, and are not.
//!
//! When time runs out, `wait_for` cancels what it waited for. `timeout` drops what it waited
//! for, and dropping a `JoinHandle` cancels nothing: the task is detached and runs on. To stop
//! the task too, `abort()` it, or put the `timeout` around the work itself. Each test runs five
//! seconds of work against a one-second limit, on tokio's paused clock, and then lets ten more
//! seconds pass to see whether the work ever finished. The book shows the anchored parts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

// ANCHOR: work
/// Five seconds of work that records whether it got to the end.
async fn work(finished: Arc<AtomicBool>) -> &'static str {
    sleep(Duration::from_secs(5)).await;
    finished.store(true, Ordering::SeqCst);
    "done"
}
// ANCHOR_END: work

/// Lets the work run on, if it still can, long past its five seconds.
async fn much_later() {
    sleep(Duration::from_secs(10)).await;
}

#[tokio::test(start_paused = true)]
async fn timeout_around_a_join_handle_only_stops_waiting() {
    // ANCHOR: handle
    let finished = Arc::new(AtomicBool::new(false));
    let handle = tokio::spawn(work(finished.clone()));
    let waited = timeout(Duration::from_secs(1), handle).await;
    assert!(waited.is_err(), "the wait gave up after 1 s");

    much_later().await;
    assert!(
        finished.load(Ordering::SeqCst),
        "but the task ran on to the end"
    );
    // ANCHOR_END: handle
}

#[tokio::test(start_paused = true)]
async fn abort_after_the_timeout_cancels_the_task_like_wait_for() {
    let start = Instant::now();
    // ANCHOR: abort
    let finished = Arc::new(AtomicBool::new(false));
    let mut handle = tokio::spawn(work(finished.clone()));
    // `&mut handle`: the timeout borrows the handle, so it is still ours when time runs out.
    if timeout(Duration::from_secs(1), &mut handle).await.is_err() {
        handle.abort();
    }
    let joined = handle.await;
    assert!(joined.unwrap_err().is_cancelled(), "the task was cancelled");

    much_later().await;
    assert!(
        !finished.load(Ordering::SeqCst),
        "and never finished its work"
    );
    // ANCHOR_END: abort
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(11),
        "cancelled at 1 s, then 10 s later"
    );
}

#[tokio::test(start_paused = true)]
async fn timeout_around_the_work_itself_drops_the_work() {
    // ANCHOR: around_the_work
    let finished = Arc::new(AtomicBool::new(false));
    let result = timeout(Duration::from_secs(1), work(finished.clone())).await;
    assert!(result.is_err(), "gave up after 1 s and dropped the work");

    much_later().await;
    assert!(!finished.load(Ordering::SeqCst), "the work never finished");
    // ANCHOR_END: around_the_work
}

#[tokio::test(start_paused = true)]
async fn a_task_that_times_itself_out_ends_at_the_deadline() {
    let start = Instant::now();
    // ANCHOR: inside_the_task
    let finished = Arc::new(AtomicBool::new(false));
    let handle = tokio::spawn(timeout(Duration::from_secs(1), work(finished.clone())));
    let outcome = handle.await.expect("the task itself did not fail");
    assert!(
        outcome.is_err(),
        "the task ended at its deadline with Elapsed"
    );
    // ANCHOR_END: inside_the_task
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    much_later().await;
    assert!(!finished.load(Ordering::SeqCst));
}

#[tokio::test(start_paused = true)]
async fn within_the_limit_all_four_give_the_result() {
    let limit = Duration::from_secs(10);
    let flag = || Arc::new(AtomicBool::new(false));
    let handle = tokio::spawn(work(flag()));
    assert_eq!(timeout(limit, handle).await.unwrap().unwrap(), "done");
    assert_eq!(timeout(limit, work(flag())).await.unwrap(), "done");
    let inside = tokio::spawn(timeout(limit, work(flag())));
    assert_eq!(inside.await.unwrap().unwrap(), "done");
}
