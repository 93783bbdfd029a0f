//! Combinators that involve time: `throttle`, `timeout`, `merge` (from `tokio_stream`).
//!
//! These need a timer, so they live in `tokio_stream::StreamExt` rather than in `futures`;
//! this module imports that trait only (see [`combinators`](crate::combinators) for why one
//! per module). Everything here waits on tokio timers, so under a paused clock each stamp is
//! exact, and the tests assert the times to the millisecond.
//!
//! - `throttle(d)`: at most one item per `d`. A stream is pulled, so nothing is skipped: the
//!   source is simply asked less often (unlike "throttle" in push-based libraries, which drops).
//! - `timeout(d)`: each item must come within `d` of the previous one, or the stream yields an
//!   `Err(Elapsed)` *and keeps going*: the late item still arrives afterwards. Add
//!   `.take_while(Result::is_ok)` to stop at the first timeout instead.
//! - `merge(other)`: items of two streams as they come, until both have ended
//!   (`asyncio.as_completed` for streams).

use crate::counter_stream::{LINE_PAUSE, ReadLines};
use futures::stream::{self, Stream};
use shared::Timeline;
use std::pin::pin;
use std::time::Duration;
use tokio::time::{Instant, interval_at, sleep};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::IntervalStream;

// ANCHOR: throttle
/// The counter, but at most one line per `every`.
pub fn throttled_lines(every: Duration) -> impl Stream<Item = u32> {
    ReadLines::new(LINE_PAUSE).throttle(every)
}
// ANCHOR_END: throttle

/// `line 1`, `line 2`, …: each after its own delay, like lines from a slow peer.
pub fn slow_lines(delays: &'static [Duration]) -> impl Stream<Item = String> {
    stream::unfold(delays.iter().enumerate(), |mut delays| async move {
        let (index, delay) = delays.next()?;
        sleep(*delay).await;
        Some((format!("line {}", index + 1), delays))
    })
}

/// The delays of the timeout listing: the third line is late.
pub const DELAYS: [Duration; 4] = [
    Duration::from_millis(100),
    Duration::from_millis(100),
    Duration::from_millis(600),
    Duration::from_millis(100),
];

/// How long the timeout listing waits for each line.
pub const PATIENCE: Duration = Duration::from_millis(500);

/// A stream of `n` ticks named `name`, one every `every`, the first after `every`.
pub fn ticks(name: &'static str, every: Duration, n: usize) -> impl Stream<Item = String> {
    let first = Instant::now() + every;
    let mut count = 0;
    IntervalStream::new(interval_at(first, every))
        .take(n)
        .map(move |_tick| {
            count += 1;
            format!("{name} {count}")
        })
}

/// The throttle tour section.
pub fn show_throttle() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        // ANCHOR: throttle_run
        let mut lines = pin!(throttled_lines(Duration::from_millis(250)).take(3));
        while let Some(line) = lines.next().await {
            timeline.say(line);
        }
        // ANCHOR_END: throttle_run
    });
}

/// The timeout tour section.
pub fn show_timeout() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        // ANCHOR: timeout
        let mut lines = pin!(slow_lines(&DELAYS).timeout(PATIENCE));
        while let Some(line) = lines.next().await {
            match line {
                Ok(line) => timeline.say(line),
                Err(_elapsed) => timeline.say("no line for 0.5 s; still waiting"),
            }
        }
        // ANCHOR_END: timeout
    });
}

/// The merge tour section.
pub fn show_merge() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        // ANCHOR: merge
        let fast = ticks("fast", Duration::from_millis(300), 3);
        let slow = ticks("slow", Duration::from_millis(500), 3);
        let mut both = pin!(fast.merge(slow));
        while let Some(tick) = both.next().await {
            timeline.say(tick);
        }
        timeline.say("both ended");
        // ANCHOR_END: merge
    });
}
