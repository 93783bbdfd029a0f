//! Every snippet of the cheat sheet does what the sheet says, under tokio's paused clock.

use ch00_primer::cheat_sheet as sheet;
use std::time::Duration;
use tokio::time::Instant;

#[test]
fn run_is_asyncio_run() {
    // A real runtime on the real clock, so no real sleep: 0 s of work.
    assert_eq!(sheet::run(0), 0);
    // Each call builds and drops its own runtime, like each `asyncio.run` its own loop.
    assert_eq!(sheet::run(0), 0);
}

async fn timed<T>(future: impl Future<Output = T>) -> (T, Duration) {
    let start = Instant::now();
    let value = future.await;
    (value, start.elapsed())
}

#[tokio::test(start_paused = true)]
async fn spawn_then_await_gives_the_result() {
    assert_eq!(
        timed(sheet::spawn_and_await()).await,
        (10, Duration::from_secs(1))
    );
}

#[tokio::test(start_paused = true)]
async fn gather_runs_both_at_once() {
    assert_eq!(
        timed(sheet::gather()).await,
        ((10, 20), Duration::from_secs(2))
    );
}

#[tokio::test(start_paused = true)]
async fn as_completed_gives_results_in_finishing_order() {
    assert_eq!(
        timed(sheet::as_completed()).await,
        (vec![10, 20, 30], Duration::from_secs(3))
    );
}

#[tokio::test(start_paused = true)]
async fn wait_for_gives_up_at_the_timeout() {
    assert_eq!(
        timed(sheet::wait_for()).await,
        (None, Duration::from_secs(1))
    );
}

#[tokio::test(start_paused = true)]
async fn cancel_makes_await_report_cancelled() {
    assert_eq!(timed(sheet::cancel()).await, (true, Duration::ZERO));
}

#[tokio::test(start_paused = true)]
async fn the_lock_is_held_across_the_await_so_tasks_take_turns() {
    // Three tasks each holding the lock for their 1 s of work: 3 s, and no update lost.
    assert_eq!(timed(sheet::lock(3)).await, (30, Duration::from_secs(3)));
}

#[tokio::test(start_paused = true)]
async fn the_event_wakes_the_waiter_when_set() {
    assert_eq!(
        timed(sheet::event()).await,
        ("woken", Duration::from_secs(1))
    );
}

#[tokio::test(start_paused = true)]
async fn the_semaphore_lets_two_work_at_a_time() {
    // Five 1 s jobs, two at a time: 3 s (one alone would take 5 s, all at once 1 s).
    assert_eq!(
        timed(sheet::semaphore(5)).await,
        (50, Duration::from_secs(3))
    );
}

#[tokio::test(start_paused = true)]
async fn the_queue_delivers_in_order_and_ends_when_the_sender_is_dropped() {
    assert_eq!(sheet::queue().await, [1, 2, 3]);
}

#[tokio::test]
async fn to_thread_runs_the_blocking_call_off_the_runtime() {
    let expected = std::fs::read_dir(".").unwrap().count();
    assert_eq!(sheet::to_thread().await, expected);
}
