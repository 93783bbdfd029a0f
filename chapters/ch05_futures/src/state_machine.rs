//! 三.5.5.1 asyncio.Future, underneath: what the compiler makes of an `async fn`.
//!
//! Python keeps a paused coroutine's locals in a frame object on the heap. Rust turns each
//! `async fn` into an anonymous type: an enum with one variant per point where the function
//! can be paused (its start and each `.await`), each variant holding the locals still alive
//! there, and a `poll` that runs from the current point to the next `.await` or the end.
//!
//! [`func`] is the article's `func`; [`Func`] is the same function written the way the compiler
//! writes it. Both print the same lines at the same times and return 2.

use shared::{Timeline, outln};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Sleep, sleep};

// ANCHOR: async_fn
/// The article's `async def func()`: print, sleep 2 s, print, return 2.
pub async fn func(timeline: Timeline) -> u32 {
    timeline.say("你好");
    sleep(Duration::from_secs(2)).await;
    timeline.say("Hello");
    2
}
// ANCHOR_END: async_fn

// ANCHOR: state_machine
/// `func`, compiled by hand: where it can be paused, and what is alive there.
#[derive(Debug)]
pub enum Func {
    /// Created but not polled: only the arguments. (Creating it ran none of the body.)
    Start { timeline: Timeline },
    /// Paused at the `.await`: the locals alive across it, here the sleep in progress.
    /// The compiler stores it inline; we box it so that `Func` may move (it is `Unpin`, see
    /// the pinning section) and `poll` can use plain `&mut`.
    Sleeping {
        timeline: Timeline,
        sleep: Pin<Box<Sleep>>,
    },
    /// Returned its value; polling again is a bug.
    Done,
}

impl Func {
    /// `func(timeline)`: the state machine in its first state.
    pub fn new(timeline: Timeline) -> Self {
        Func::Start { timeline }
    }
}

impl Future for Func {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match &mut *self {
                Func::Start { timeline } => {
                    // The code before the first `.await` …
                    let timeline = *timeline;
                    timeline.say("你好");
                    // … up to the future it awaits, which becomes part of the state.
                    let sleep = Box::pin(sleep(Duration::from_secs(2)));
                    *self = Func::Sleeping { timeline, sleep };
                }
                Func::Sleeping { timeline, sleep } => {
                    // `.await` is this: poll the inner future and, if it is not ready,
                    // return `Pending` from ours (the inner one has registered the waker).
                    ready!(sleep.as_mut().poll(cx));
                    timeline.say("Hello");
                    *self = Func::Done;
                    return Poll::Ready(2);
                }
                Func::Done => panic!("`Func` polled after it returned"),
            }
        }
    }
}
// ANCHOR_END: state_machine

/// The tour section: the `async fn` and the hand-written state machine, side by side.
pub fn show() {
    shared::runtime::block_on(async {
        outln!("async fn func():");
        let result = func(Timeline::start()).await;
        outln!("-> {result}");
        outln!("hand-written Func:");
        let result = Func::new(Timeline::start()).await;
        outln!("-> {result}");
    });
}
