//! The `await` examples' timing, on tokio's paused clock: exact, and instant to run.

use ch04_async_await::await_examples::{example2, example3, example4, func};
use shared::Timeline;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn one_await_takes_the_sleep_and_returns_the_value() {
    let start = Instant::now();
    assert_eq!(func(Timeline::start(), "f").await, 2);
    assert_eq!(example2(Timeline::start()).await, 2);
    assert_eq!(start.elapsed(), Duration::from_secs(4));
}

#[tokio::test(start_paused = true)]
async fn two_awaits_in_a_row_take_four_seconds() {
    let start = Instant::now();
    assert_eq!(example3(Timeline::start()).await, (2, 2));
    assert_eq!(start.elapsed(), Duration::from_secs(4));
}

#[tokio::test(start_paused = true)]
async fn three_spawned_tasks_finish_together_after_two_seconds_not_six() {
    let start = Instant::now();
    assert_eq!(example4(Timeline::start()).await, vec![2, 2, 2]);
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn a_spawned_task_runs_to_the_end_even_if_nobody_awaits_its_handle() {
    let finished = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&finished);
    let handle = tokio::spawn(async move {
        func(Timeline::start(), "detached").await;
        flag.store(true, Ordering::SeqCst);
    });
    drop(handle); // like `asyncio.create_task(...)` with the task thrown away
    tokio::time::sleep(Duration::from_millis(1999)).await;
    assert!(
        !finished.load(Ordering::SeqCst),
        "still sleeping at 1.999 s"
    );
    tokio::time::sleep(Duration::from_millis(1)).await;
    tokio::task::yield_now().await; // let the woken task run its last line
    assert!(
        finished.load(Ordering::SeqCst),
        "done at 2 s without an await"
    );
}
