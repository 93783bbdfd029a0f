//! 三.5.6 异步迭代器: the article's async iterator, written by hand as a [`Stream`].
//!
//! Python's async iterator protocol is two methods: `__aiter__` returns the iterator, and
//! `__anext__` returns an awaitable that gives the next item or raises `StopAsyncIteration`.
//! Rust's [`Stream`] trait is one method, `poll_next`, with three answers:
//!
//! - `Poll::Ready(Some(item))`: `__anext__` returned `item`;
//! - `Poll::Ready(None)`: `__anext__` raised `StopAsyncIteration`, the stream is over;
//! - `Poll::Pending`: `__anext__`'s awaitable is suspended. The stream has handed the waker in
//!   `cx` to whatever it waits for (here a timer), and will be polled again once woken.
//!
//! There is no `__aiter__`: a value that implements `Stream` is consumed directly, with
//! `while let Some(x) = stream.next().await`, Rust's `async for`.
//!
//! What the article's `Iterator` does, once its `self.self` typo is fixed: `count` starts at 0;
//! every `__anext__` calls `readlines`, which adds one and returns `None` when the count reaches
//! 100. So it yields 1, 2, …, 99 and stops; 100 itself is never yielded. [`ReadLines`] yields
//! exactly that. One thing we change on purpose: the Python class, asked again after it
//! stopped, counts on from 101 and never stops (the count never equals 100 again). Ours stays
//! finished, and says so by implementing [`FusedStream`].
//!
//! The article's `readlines` has `await asyncio.sleep(1)` commented out. We keep a pause
//! (10 ms, so the tour takes a second, not 99), because without one `poll_next` would never
//! return `Pending` and the stream would be an ordinary iterator in disguise. The pause is a
//! schedule, a line every 10 ms (a tokio [`Interval`]), rather than 10 ms after the previous
//! line was taken, so that late wake-ups do not add up: the Python version does the same.
//!
//! The article's typo, `await self.self.readlines()`, is an `AttributeError` that Python raises
//! at run time, on the first `async for` step. The same slip in Rust is a compile error:
//!
#![doc = "```compile_fail,E0609"]
#![doc = include_str!("../compile_fail/self_self.rs")]
#![doc = "```"]
//!
//! The article ends the section with a rule: `async for` only works inside a coroutine function
//! (anywhere else, Python refuses to compile it: `SyntaxError: 'async for' outside async
//! function`). Rust's `async for` is a loop over `.await`, and `.await` outside an `async fn` or
//! block is error E0728:
//!
#![doc = "```compile_fail,E0728"]
#![doc = include_str!("../compile_fail/await_outside_async.rs")]
#![doc = "```"]

use futures::stream::{FusedStream, Stream, StreamExt};
use shared::Timeline;
use shared::timeline::stamp;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Instant, Interval, interval_at};

/// The count at which the article's `readlines` returns `None`; it is never yielded.
pub const STOP_AT: u32 = 100;

/// The time between two lines: the article's commented-out `await asyncio.sleep(1)`, shortened.
pub const LINE_PAUSE: Duration = Duration::from_millis(10);

// ANCHOR: read_lines
/// The article's `Iterator` class: yields 1, 2, … and stops when the count reaches [`STOP_AT`].
#[derive(Debug)]
pub struct ReadLines {
    count: u32,
    /// The timer `readlines` waits on. An `async fn` keeps such a thing in its hidden state
    /// machine; by hand, it is a field.
    ticks: Interval,
}

impl ReadLines {
    /// A counter with a line due every `pause`, the first one `pause` from now. Create it
    /// inside a tokio runtime (the timer needs one).
    pub fn new(pause: Duration) -> Self {
        ReadLines {
            count: 0,
            ticks: interval_at(Instant::now() + pause, pause),
        }
    }
}

impl Stream for ReadLines {
    type Item = u32;

    /// `__anext__` and `readlines` in one.
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.count >= STOP_AT {
            return Poll::Ready(None); // finished stays finished
        }
        // `await asyncio.sleep(...)`: if the next line is not due yet, `ready!` returns
        // `Poll::Pending` from here, and the timer keeps `cx`'s waker to call when it is.
        ready!(self.ticks.poll_tick(cx));
        self.count += 1;
        if self.count == STOP_AT {
            return Poll::Ready(None); // `raise StopAsyncIteration`
        }
        Poll::Ready(Some(self.count))
    }
}

impl FusedStream for ReadLines {
    fn is_terminated(&self) -> bool {
        self.count >= STOP_AT
    }
}
// ANCHOR_END: read_lines

// ANCHOR: async_for
/// `async for i in obj: print(i)`, printing the first three lines and the last one only.
/// Returns every line, for the tests.
pub async fn print_lines(
    mut lines: impl Stream<Item = u32> + Unpin,
    timeline: Timeline,
) -> Vec<u32> {
    let mut seen = Vec::new();
    let mut last = None;
    while let Some(line) = lines.next().await {
        match seen.len() {
            0..3 => timeline.say(line),
            3 => shared::outln!("..."),
            _ => {}
        }
        seen.push(line);
        last = Some((line, timeline.elapsed()));
    }
    if let Some((line, at)) = last.filter(|_| seen.len() > 3) {
        shared::outln!("{} {line}", stamp(at));
    }
    timeline.say(format_args!(
        "the stream ended (None) after {} lines",
        seen.len()
    ));
    seen
}
// ANCHOR_END: async_for

/// The tour section: the hand-written stream in an `async for`.
pub fn show() {
    shared::runtime::block_on(async {
        // ANCHOR: run
        let lines = ReadLines::new(LINE_PAUSE);
        print_lines(lines, Timeline::start()).await;
        // ANCHOR_END: run
    });
}
