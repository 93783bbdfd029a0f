//! 三.5.5.1 asyncio.Future, example 2: a future whose result another task sets later.
//!
//! `loop.create_future()` gives one object that can be both awaited and set. tokio splits it in
//! two halves, [`oneshot::channel`]: the [`oneshot::Sender`] is the `set_result` side, the
//! [`oneshot::Receiver`] is the awaitable side. Splitting lets the type system do two things
//! Python checks at run time or not at all:
//!
//! - `send` takes the sender by value, so setting a result twice does not compile (Python
//!   raises `InvalidStateError` when it happens);
//! - dropping the sender without sending wakes the receiver with an error, so a task that dies
//!   before setting its result cannot leave the waiter hanging (in Python it can).
//!
//! A second `send` is error E0382, a use of the moved sender:
//!
#![doc = "```compile_fail,E0382"]
#![doc = include_str!("../compile_fail/send_twice.rs")]
#![doc = "```"]

use shared::Timeline;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;

// ANCHOR: set_after
/// `async def set_after(fut)`: after 2 s, set the result.
pub async fn set_after(fut: oneshot::Sender<&'static str>, timeline: Timeline) {
    sleep(Duration::from_secs(2)).await;
    timeline.say("set_after: set_result(\"666\")");
    // `send` fails only if the receiver is gone: nobody wants the result, nothing to do.
    let _ = fut.send("666");
}

/// The article's `main`: create the future, let a task set it, await it.
pub async fn main(timeline: Timeline) -> Result<&'static str, oneshot::error::RecvError> {
    let (tx, rx) = oneshot::channel(); // fut = loop.create_future()
    tokio::spawn(set_after(tx, timeline)); // loop.create_task(set_after(fut))
    timeline.say("main: awaiting the future");
    let data = rx.await?; // data = await fut
    timeline.say(format_args!("main: got {data}"));
    Ok(data)
}
// ANCHOR_END: set_after

// ANCHOR: sender_dropped
/// A setter that fails before setting: the waiter gets an error when the sender is dropped.
pub async fn setter_fails(timeline: Timeline) -> Result<&'static str, oneshot::error::RecvError> {
    let (tx, rx) = oneshot::channel::<&'static str>();
    tokio::spawn(async move {
        sleep(Duration::from_secs(1)).await;
        timeline.say("setter: giving up without a result");
        drop(tx); // also what happens if the task panics or is aborted
    });
    let outcome = rx.await; // no hang: the drop wakes us
    match &outcome {
        Ok(data) => timeline.say(format_args!("main: got {data}")),
        Err(error) => timeline.say(format_args!("main: error: {error}")),
    }
    outcome
}
// ANCHOR_END: sender_dropped

/// The tour section for example 2.
pub fn show() {
    shared::runtime::block_on(async {
        let _ = main(Timeline::start()).await;
    });
}

/// The tour section for a setter that never sets.
pub fn show_sender_dropped() {
    shared::runtime::block_on(async {
        let _ = setter_fails(Timeline::start()).await;
    });
}
