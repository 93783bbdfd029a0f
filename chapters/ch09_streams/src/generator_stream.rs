//! 三.5.6 异步迭代器 again: the same counter without writing `poll_next`.
//!
//! Python has a shorter way to write an async iterator than a class: an async generator, an
//! `async def` with `yield` in it. Stable Rust has no `yield` in async code yet (`async gen`
//! blocks are a nightly experiment), but [`futures::stream::unfold`] comes close: give it a
//! starting state and an async closure that turns a state into `Some((item, next_state))`, or
//! `None` to end the stream. The closure is an ordinary async block, so it simply `.await`s the
//! time the next line is due; the timer, the `Pending` and the waker that [`ReadLines`](crate::counter_stream::ReadLines)
//! handles by hand are the compiler's business again.
//!
//! The price: the stream holds the closure's future inside it, so it is not `Unpin`. Before
//! calling `.next()` on it, pin it (here on the stack, with [`std::pin::pin!`]).

use crate::counter_stream::{LINE_PAUSE, STOP_AT, print_lines};
use futures::stream::{self, Stream};
use shared::Timeline;
use std::time::Duration;
use tokio::time::{Instant, sleep_until};

// ANCHOR: unfold
/// `async def readlines()` with `yield`: 1, 2, … 99, a `pause` before each.
pub fn read_lines(pause: Duration) -> impl Stream<Item = u32> {
    let start = Instant::now();
    stream::unfold(0, move |count| async move {
        let count = count + 1;
        sleep_until(start + pause * count).await; // on schedule, like `ReadLines`
        // `Some((item, state))` yields `item`; `None` is `StopAsyncIteration`.
        (count != STOP_AT).then_some((count, count))
    })
}
// ANCHOR_END: unfold

/// The tour section: the generator-style stream in the same `async for`.
pub fn show() {
    shared::runtime::block_on(async {
        // ANCHOR: run
        let lines = std::pin::pin!(read_lines(LINE_PAUSE));
        print_lines(lines, Timeline::start()).await;
        // ANCHOR_END: run
    });
}
