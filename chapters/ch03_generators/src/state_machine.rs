//! 三.3.3 asyncio → 三.3.4 async & await: an `async fn` is the compiler writing the generator for you.
//!
//! The generator coroutines of [`crate::generator_coroutines`] are state machines: each
//! `yield` is a point where the function stops, keeps its local variables, and hands its loop
//! a request. `async fn` is the same transformation done by the compiler. It turns the body
//! into an enum with one variant per place the function can be suspended, holding the
//! variables alive at that point, and a `poll` method that runs from the current variant to
//! the next `.await` that is not ready yet, then returns `Poll::Pending`.
//!
//! Where the generator yielded *what* to wait for (`Sleep(2 s)`) and its loop kept the
//! timers, a future asks the thing it awaits to remember `cx.waker()`: tokio's `Sleep`
//! registers it with the runtime's timer, and the runtime polls the task again when it fires.
//!
//! [`func`] is the article's coroutine as an `async fn`; [`Func`] is that function written out
//! by hand. The tests check that they print the same lines at the same times.

use shared::Timeline;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

// ANCHOR: async_fn
/// `async def func1(): print(1); await asyncio.sleep(2); print(2)` (and `func2` with 3, 4).
pub async fn func(timeline: Timeline, before: u32, after: u32) {
    timeline.say(before);
    tokio::time::sleep(Duration::from_secs(2)).await;
    timeline.say(after);
}
// ANCHOR_END: async_fn

// ANCHOR: by_hand
/// [`func`] written by hand: one variant per place the function can be, holding what is alive
/// there.
#[derive(Debug)]
pub enum Func {
    /// Created, not polled yet: nothing has run (Python's "coroutine object").
    Start {
        /// When the listing started, for the stamps.
        timeline: Timeline,
        /// Printed before the sleep.
        before: u32,
        /// Printed after it.
        after: u32,
    },
    /// Suspended at `sleep(2 s).await`. `before` is gone: no code after the `.await` uses it.
    Sleeping {
        /// The future being awaited. tokio's `Sleep` must not move once polled; boxing it lets
        /// `Func` itself move freely. The compiler instead stores it inline, which is why the
        /// futures of `async fn`s must be pinned before they are polled.
        sleep: Pin<Box<tokio::time::Sleep>>,
        /// When the listing started.
        timeline: Timeline,
        /// Printed after the sleep.
        after: u32,
    },
    /// Returned. Polling again is a bug, as for an `async fn`'s future.
    Done,
}

impl Func {
    /// Like calling `func(timeline, before, after)`: builds the state machine, runs nothing.
    pub fn new(timeline: Timeline, before: u32, after: u32) -> Self {
        Func::Start {
            timeline,
            before,
            after,
        }
    }
}

impl Future for Func {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut(); // allowed: `Func` is `Unpin`, its `Sleep` is boxed
        loop {
            match this {
                Func::Start {
                    timeline,
                    before,
                    after,
                } => {
                    timeline.say(*before);
                    // Reach the `.await`: create the sleep and move to the next state, then loop
                    // round to poll it at once, as the compiler's code does.
                    *this = Func::Sleeping {
                        sleep: Box::pin(tokio::time::sleep(Duration::from_secs(2))),
                        timeline: *timeline,
                        after: *after,
                    };
                }
                Func::Sleeping {
                    sleep,
                    timeline,
                    after,
                } => {
                    // Not ready: return Pending and stay in this state (the generator's
                    // `yield`). The sleep has stored `cx.waker()` to wake this task later.
                    ready!(sleep.as_mut().poll(cx));
                    timeline.say(*after);
                    *this = Func::Done;
                    return Poll::Ready(());
                }
                Func::Done => panic!("`Func` polled after it returned"),
            }
        }
    }
}
// ANCHOR_END: by_hand

/// The tour section: the `async fn` and the hand-written state machine, side by side.
pub fn show() {
    shared::runtime::block_on(async {
        // ANCHOR: main
        let timeline = Timeline::start();
        // `biased`: poll them in this order every time (tokio::join! rotates by default).
        tokio::join!(biased; func(timeline, 1, 2), Func::new(timeline, 3, 4));
        timeline.say("all done");
        // ANCHOR_END: main
    });
}
