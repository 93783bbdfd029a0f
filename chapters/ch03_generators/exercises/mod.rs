//! # Chapter 3 exercises — your attempts
//!
//! Fill in the items below, then run `just exercise ch03`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch03 averager`.
//! The statements, with the solutions folded away, are also in the book's chapter 3.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use genawaiter::rc::Co;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

// ANCHOR: averager
/// Exercise `averager`: a generator that is *sent* numbers and yields their running average.
///
/// It first yields `None` (no numbers yet). Each time it is sent `Some(x)` it yields
/// `Some(average of everything sent so far)`. Sent `None`, it returns how many numbers it was
/// sent. In Python:
///
/// ```python
/// def averager():
///     total, count, average = 0.0, 0, None
///     while (x := (yield average)) is not None:
///         total += x
///         count += 1
///         average = total / count
///     return count
/// ```
pub async fn averager(co: Co<Option<f64>, Option<f64>>) -> usize {
    todo!("exercise `averager` is not written yet (ask for a hint: just hint ch03 averager)")
}
// ANCHOR_END: averager

// ANCHOR: sleep_twice
/// Exercise `sleep_twice`: write by hand the future that the compiler makes of
///
/// ```ignore
/// async fn sleep_twice(period: Duration) {
///     tokio::time::sleep(period).await;
///     tokio::time::sleep(period).await;
/// }
/// ```
///
/// as an enum with one variant per state (not started, at the first `.await`, at the second,
/// done), and its `poll`. `SleepTwice::new(period)` must not start anything; awaited, it
/// completes `2 × period` later, and is woken once when each sleep is over. Keep
/// `#[derive(Debug)]`: the test reads the state's name from it.
#[derive(Debug)]
pub enum SleepTwice {
    /// A placeholder: replace it with your states.
    Todo,
}

impl SleepTwice {
    /// Like calling `sleep_twice(period)`: nothing runs yet.
    pub fn new(period: Duration) -> Self {
        todo!(
            "exercise `sleep_twice` is not written yet (ask for a hint: just hint ch03 sleep_twice)"
        )
    }
}

impl Future for SleepTwice {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        todo!(
            "exercise `sleep_twice` is not written yet (ask for a hint: just hint ch03 sleep_twice)"
        )
    }
}
// ANCHOR_END: sleep_twice

// ANCHOR: fibonacci
/// Exercise `fibonacci`: translate this Python generator to genawaiter.
///
/// ```python
/// def fibonacci():
///     a, b = 0, 1
///     while True:
///         yield a
///         a, b = b, a + b
/// ```
///
/// `list(islice(fibonacci(), 10))` is `[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]`, and so is
/// `Gen::new(fibonacci).into_iter().take(10)`. Python's integers never overflow; a `u64` does:
/// yield every Fibonacci number that fits in a `u64`, then return.
pub async fn fibonacci(co: Co<u64>) {
    todo!("exercise `fibonacci` is not written yet (ask for a hint: just hint ch03 fibonacci)")
}
// ANCHOR_END: fibonacci
