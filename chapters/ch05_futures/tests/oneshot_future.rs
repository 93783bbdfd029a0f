//! Article example 2 with a oneshot: set by another task; a failing setter is an error, not a hang.

use ch05_futures::oneshot_future::{main, setter_fails};
use shared::Timeline;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn the_waiter_gets_what_the_other_task_set_after_2_s() {
    let start = Instant::now();
    assert_eq!(main(Timeline::start()).await, Ok("666"));
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn a_dropped_sender_wakes_the_waiter_with_an_error_at_once() {
    let start = Instant::now();
    let error = setter_fails(Timeline::start()).await.unwrap_err();
    assert_eq!(error.to_string(), "channel closed");
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(1),
        "woken when the sender dropped"
    );
}

#[tokio::test(start_paused = true)]
async fn a_setter_task_that_panics_also_wakes_the_waiter() {
    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
    let setter = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let _keep = tx; // dropped while the task unwinds
        panic!("the setter fails");
    });
    assert!(rx.await.is_err());
    assert!(setter.await.unwrap_err().is_panic());
}

#[tokio::test(start_paused = true)]
async fn an_aborted_setter_task_also_wakes_the_waiter() {
    let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
    let setter = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(3600)).await;
        let _ = tx.send(1);
    });
    setter.abort(); // drops the task's future, and `tx` inside it
    assert!(rx.await.is_err());
    assert!(setter.await.unwrap_err().is_cancelled());
}
