//! 三.3.2 yield, continued: values sent *into* a generator, and the value a generator returns.
//!
//! A Python generator is a two-way channel: `x = yield total` hands `total` to the caller and
//! waits for the caller's `gen.send(value)`, which becomes `x`. When the generator returns,
//! `send` raises `StopIteration` carrying the return value, and in a delegating generator
//! `total = yield from accumulate()` evaluates to that value (PEP 342 and PEP 380). This is the
//! machinery `@asyncio.coroutine` was built on (see [`crate::generator_coroutines`]).
//!
//! In genawaiter the resume type is the generator's second type parameter: `Co<i64,
//! Option<i64>>` yields `i64` and is sent `Option<i64>`. `gen.resume_with(value)` is
//! `gen.send(value)`, `co.yield_(total).await` evaluates to the value sent, and a finished
//! generator answers `GeneratorState::Complete(returned)` instead of raising.

use crate::yield_from::yield_from;
use genawaiter::GeneratorState;
use genawaiter::rc::{Co, Gen};
use shared::outln;
use std::fmt::Debug;
use std::future::Future;

// ANCHOR: accumulate
/// A running total: yields the total so far, is sent the next number, and returns the total
/// when sent `None`.
///
/// ```python
/// def accumulate():
///     total = 0
///     while (x := (yield total)) is not None:
///         total += x
///     return total
/// ```
pub async fn accumulate(co: Co<i64, Option<i64>>) -> i64 {
    let mut total = 0;
    while let Some(x) = co.yield_(total).await {
        total += x;
    }
    total
}
// ANCHOR_END: accumulate

// ANCHOR: gather_tallies
/// `tally = yield from accumulate()`, `count` times: every value sent in reaches the running
/// `accumulate`, and each one's return value lands in the list this generator returns.
pub async fn gather_tallies(co: Co<i64, Option<i64>>, count: usize) -> Vec<i64> {
    let mut tallies = Vec::new();
    for _ in 0..count {
        let tally = yield_from(&co, Gen::new(accumulate)).await;
        tallies.push(tally);
    }
    tallies
}
// ANCHOR_END: gather_tallies

/// Start `generator` and send it each of `sends`, printing what comes back each time.
fn drive<F>(mut generator: Gen<i64, Option<i64>, F>, sends: &[Option<i64>])
where
    F: Future,
    F::Output: Debug,
{
    // `next(gen)`: run to the first `yield`. The value passed here is discarded.
    outln!("  start     -> {}", describe(generator.resume_with(None)));
    for &value in sends {
        let label = match value {
            Some(x) => format!("send {x}"),
            None => "send None".to_owned(),
        };
        outln!("  {label:<9} -> {}", describe(generator.resume_with(value)));
    }
}

fn describe<R: Debug>(state: GeneratorState<i64, R>) -> String {
    match state {
        GeneratorState::Yielded(total) => format!("yielded {total}"),
        GeneratorState::Complete(returned) => format!("returned {returned:?}"),
    }
}

/// The tour section: drive `accumulate` by hand, then two tallies through `yield from`.
pub fn show() {
    outln!("accumulate():");
    drive(Gen::new(accumulate), &[Some(10), Some(5), None]);
    outln!("gather_tallies(2), each tally a `yield from accumulate()`:");
    drive(
        Gen::new(|co| gather_tallies(co, 2)),
        &[Some(1), Some(2), None, Some(10), None],
    );
}
