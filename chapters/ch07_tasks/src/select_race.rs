//! `select!`: racing work against a timeout or a shutdown signal.
//!
//! [`tokio::select!`] polls several futures at once, runs the branch of the first one to
//! finish, and drops the others: the losers are cancelled exactly as in `cancellation`. It is
//! `asyncio.wait(..., return_when=FIRST_COMPLETED)` followed by cancelling what is pending.
//!
//! Two uses cover most programs. Racing work against a timer bounds how long it may take
//! (`tokio::time::timeout` is this race, packaged). Racing each step of a loop against a
//! shutdown signal lets a long-running task stop cleanly *between* steps, where it decides,
//! instead of wherever an abort would catch it. The signal here is a `watch` channel: every
//! worker can hold a receiver, and it stays "shut down" once sent.

use crate::create_task::job;
use shared::Timeline;
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::sleep;

// ANCHOR: race_timeout
/// Work of 3 s against a 2 s timer: the timer wins and the work is dropped mid-sleep.
pub async fn race_timeout(timeline: Timeline) -> Option<u64> {
    tokio::select! {
        secs = job(timeline, "work", 3) => Some(secs),
        () = sleep(Duration::from_secs(2)) => {
            timeline.say("main: 2 s timer won, work dropped");
            None
        }
    }
}
// ANCHOR_END: race_timeout

// ANCHOR: worker
/// A worker that handles one item a second until it is told to shut down.
pub async fn worker(timeline: Timeline, mut shutdown: watch::Receiver<bool>) -> u32 {
    let mut handled = 0;
    loop {
        tokio::select! {
            // `biased`: check the branches in order, shutdown first, instead of at random,
            // so that a signal and a finished item arriving together stop the loop.
            biased;
            _ = shutdown.wait_for(|&stop| stop) => break, // (an Err: the sender is gone)
            () = sleep(Duration::from_secs(1)) => {
                handled += 1;
                timeline.say(format_args!("worker: item {handled} handled"));
            }
        }
    }
    timeline.say(format_args!("worker: shutting down after {handled} items"));
    handled
}

/// Start the worker, let it run 2.5 s, then ask it to stop and wait until it has.
pub async fn graceful_shutdown(timeline: Timeline) -> u32 {
    let (stop, shutdown) = watch::channel(false);
    let worker = tokio::spawn(worker(timeline, shutdown));
    sleep(Duration::from_millis(2500)).await;
    timeline.say("main: shutdown requested");
    stop.send_replace(true);
    worker.await.expect("the worker never panics")
}
// ANCHOR_END: worker

/// The tour section.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        race_timeout(timeline).await;
        graceful_shutdown(timeline).await;
    });
}
