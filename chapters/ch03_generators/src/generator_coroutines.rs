//! 三.3.3 asyncio: coroutines made of generators, the `@asyncio.coroutine` way.
//!
//! Before Python 3.5 had `async def`, asyncio's coroutines were generators. A coroutine
//! wanting to wait did `yield from asyncio.sleep(2)`; deep inside, that `yield` handed the
//! event loop an object saying what to wait for, and the loop resumed the generator when it
//! was done. (`@asyncio.coroutine` was deprecated in 3.8 and removed in 3.11: the article's
//! listing no longer runs.)
//!
//! This module rebuilds that design at its smallest:
//!
//! - a coroutine is a generator that yields [`Sleep`] requests ("wake me in 2 s");
//! - [`sleep`] is the `asyncio.sleep` of this world: a one-yield generator body that
//!   coroutines delegate to with `.await`, as they did with `yield from`;
//! - [`run_until_complete`] is the event loop: it resumes every coroutine that can run,
//!   parks each one that asked to sleep with its deadline, waits until the earliest deadline,
//!   and repeats until every coroutine has returned.
//!
//! The loop waits with tokio's timer ([`tokio::time::sleep_until`]) and reads tokio's clock,
//! for one reason: that clock can be paused. Run normally, the loop really waits 2 s; under the
//! book's `--virtual-clock`, the same 2 s pass instantly and the stamps read exactly `+2.00s`.
//! Nothing else of tokio is involved: the coroutines are resumed by hand, one after another.

use genawaiter::GeneratorState;
use genawaiter::rc::{Co, Gen};
use shared::Timeline;
use std::future::Future;
use std::time::Duration;
use tokio::time::{Instant, sleep_until};

/// What a generator-based coroutine yields to its loop: "resume me after this long".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sleep(pub Duration);

// ANCHOR: sleep
/// `asyncio.sleep(delay)` for these coroutines: one `yield` of a [`Sleep`] request, through
/// the caller's `Co`. Calling it with `.await` is the `yield from`.
pub async fn sleep(co: &Co<Sleep>, delay: Duration) {
    co.yield_(Sleep(delay)).await;
}
// ANCHOR_END: sleep

// ANCHOR: func
/// The article's `func1` (print 1, sleep 2 s, print 2) and `func2` (3 and 4) are one body;
/// the numbers are arguments.
pub async fn func(co: Co<Sleep>, timeline: Timeline, before: u32, after: u32) {
    timeline.say(before);
    sleep(&co, Duration::from_secs(2)).await; // yield from asyncio.sleep(2): the loop runs others
    timeline.say(after);
}
// ANCHOR_END: func

// ANCHOR: event_loop
/// The event loop: run the coroutines until every one has returned.
pub async fn run_until_complete<F>(coroutines: impl IntoIterator<Item = Gen<Sleep, (), F>>)
where
    F: Future<Output = ()>,
{
    let mut ready: Vec<Gen<Sleep, (), F>> = coroutines.into_iter().collect();
    let mut sleeping: Vec<(Instant, Gen<Sleep, (), F>)> = Vec::new();
    while !ready.is_empty() || !sleeping.is_empty() {
        // Run each ready coroutine until it yields (it wants to sleep) or returns (it is done).
        for mut coroutine in ready.drain(..) {
            if let GeneratorState::Yielded(Sleep(delay)) = coroutine.resume() {
                sleeping.push((Instant::now() + delay, coroutine));
            }
        }
        // Nobody can run before the earliest deadline: wait for it. (Python's loop blocks in
        // `select()` with that timeout, so it can also wake up for sockets.)
        if let Some(earliest) = sleeping.iter().map(|(deadline, _)| *deadline).min() {
            sleep_until(earliest).await;
            let now = Instant::now();
            let (due, later) = sleeping
                .into_iter()
                .partition(|(deadline, _)| *deadline <= now);
            sleeping = later;
            // In the order they went to sleep: the same order on every run.
            ready = due.into_iter().map(|(_, coroutine)| coroutine).collect();
        }
    }
}
// ANCHOR_END: event_loop

/// The tour section: the article's two coroutines on the loop.
pub fn show() {
    shared::runtime::block_on(async {
        // ANCHOR: main
        let timeline = Timeline::start();
        run_until_complete([
            Gen::new(|co| func(co, timeline, 1, 2)),
            Gen::new(|co| func(co, timeline, 3, 4)),
        ])
        .await;
        timeline.say("all done");
        // ANCHOR_END: main
    });
}
