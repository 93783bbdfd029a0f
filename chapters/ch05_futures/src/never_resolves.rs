//! 三.5.5.1 asyncio.Future, example 1: awaiting a future that nobody will ever set.
//!
//! The article creates a future with `loop.create_future()`, never sets it, and awaits it: the
//! program hangs forever, as the article's comment says. Rust's [`std::future::pending`] is
//! exactly that future. A hang is rarely what anybody wants, so real code puts a bound on such
//! a wait: [`tokio::time::timeout`] (Python: `asyncio.wait_for` / `asyncio.timeout`) races the
//! future against a timer and drops it when the timer wins.

use shared::Timeline;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{error::Elapsed, timeout};

// ANCHOR: pending
/// `await fut` on a future nobody sets, but for 2 s at most.
pub async fn await_pending(timeline: Timeline) -> Result<(), Elapsed> {
    timeline.say("awaiting a future that never resolves, for at most 2 s");
    let outcome = timeout(Duration::from_secs(2), std::future::pending::<()>()).await;
    if let Err(error) = &outcome {
        timeline.say(format_args!("gave up: {error}"));
    }
    outcome
}
// ANCHOR_END: pending

// ANCHOR: forgotten_sender
/// The realistic version of the bug: the sender is alive, but nobody will ever send.
pub async fn await_forgotten_sender(timeline: Timeline) -> Result<(), Elapsed> {
    let (_tx, rx) = oneshot::channel::<()>(); // `_tx` is kept, and never used
    let outcome = timeout(Duration::from_secs(2), rx).await.map(|_| ());
    if let Err(error) = &outcome {
        timeline.say(format_args!(
            "a oneshot whose sender is alive but never sends: gave up: {error}"
        ));
    }
    outcome
}
// ANCHOR_END: forgotten_sender

/// The tour section.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        let _ = await_pending(timeline).await;
        let _ = await_forgotten_sender(timeline).await;
    });
}
