//! `asyncio.wait(tasks, return_when=FIRST_COMPLETED)` returns the first finished task and cancels
//! nothing: the others stay pending and keep running. `JoinSet::join_next` and `select_all` do the
//! same. `tokio::select!` is a different tool: it drops every branch that did not win. Dropping a
//! plain future cancels its work; dropping a `JoinHandle` only detaches the task.
//!
//! Three jobs take 1, 2 and 3 s on tokio's paused clock and record that they finished.

use futures::future::select_all;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// ANCHOR: job
/// Sleeps `secs`, counts itself finished, and returns `secs`.
async fn job(secs: u64, finished: Arc<AtomicUsize>) -> u64 {
    sleep(Duration::from_secs(secs)).await;
    finished.fetch_add(1, Ordering::SeqCst);
    secs
}
// ANCHOR_END: job

async fn long_after() {
    sleep(Duration::from_secs(60)).await;
}

#[tokio::test(start_paused = true)]
async fn join_next_returns_the_first_and_keeps_the_others_running() {
    let start = Instant::now();
    // ANCHOR: join_next
    let finished = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for secs in [3, 1, 2] {
        set.spawn(job(secs, finished.clone()));
    }
    let first = set
        .join_next()
        .await
        .expect("a task")
        .expect("it did not fail");
    assert_eq!(first, 1);
    assert_eq!(
        set.len(),
        2,
        "the other two are still pending, still running"
    );
    // ANCHOR_END: join_next
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    let mut rest = Vec::new();
    while let Some(done) = set.join_next().await {
        rest.push(done.unwrap());
    }
    assert_eq!(rest, [2, 3]);
    assert_eq!(finished.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn select_all_returns_the_first_and_the_others_in_their_handles() {
    let finished = Arc::new(AtomicUsize::new(0));
    // ANCHOR: select_all
    let handles: Vec<_> = [3, 1, 2]
        .into_iter()
        .map(|secs| tokio::spawn(job(secs, finished.clone())))
        .collect();
    let (first, index, pending) = select_all(handles).await;
    assert_eq!((first.unwrap(), index), (1, 1));
    assert_eq!(pending.len(), 2, "pending, as asyncio.wait returns them");
    // ANCHOR_END: select_all
    for handle in pending {
        handle.await.unwrap();
    }
    assert_eq!(finished.load(Ordering::SeqCst), 3);
}

#[tokio::test(start_paused = true)]
async fn select_drops_the_losing_futures_and_their_work() {
    // ANCHOR: select
    let finished = Arc::new(AtomicUsize::new(0));
    let winner = tokio::select! {
        secs = job(1, finished.clone()) => secs,
        secs = job(2, finished.clone()) => secs,
        secs = job(3, finished.clone()) => secs,
    };
    assert_eq!(winner, 1);
    long_after().await;
    assert_eq!(
        finished.load(Ordering::SeqCst),
        1,
        "the losers were dropped: cancelled"
    );
    // ANCHOR_END: select
}

#[tokio::test(start_paused = true)]
async fn select_over_join_handles_detaches_the_losing_tasks() {
    // ANCHOR: select_handles
    let finished = Arc::new(AtomicUsize::new(0));
    let (a, b) = (
        tokio::spawn(job(1, finished.clone())),
        tokio::spawn(job(2, finished.clone())),
    );
    let winner = tokio::select! {
        secs = a => secs.unwrap(),
        secs = b => secs.unwrap(),
    };
    assert_eq!(winner, 1);
    long_after().await;
    assert_eq!(
        finished.load(Ordering::SeqCst),
        2,
        "the losing task was detached, not cancelled"
    );
    // ANCHOR_END: select_handles
}
