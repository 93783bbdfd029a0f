//! # Chapter 6 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch06`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch06 yield_now`.
//! The statements, with the solutions folded away, are also in the book's chapter 6.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use std::future::Future;
use std::time::Duration;

// ANCHOR: yield_now
/// Exercise `yield_now`: `await asyncio.sleep(0)`: let the loop run the other ready tasks,
/// then carry on.
///
/// The first poll must return `Poll::Pending`, and since no timer or socket will ever wake
/// this task, it must arrange its own wake-up first. The second poll returns `Poll::Ready(())`.
/// It must not use `sleep`: on a virtual clock, the tests check that no time passes.
pub async fn yield_now() {
    todo!("exercise `yield_now` is not written yet (ask for a hint: just hint ch06 yield_now)")
}
// ANCHOR_END: yield_now

// ANCHOR: timeout
/// Exercise `timeout`: `asyncio.wait_for(future, timeout)` on this chapter's executor.
///
/// Return `Some(output)` if `future` finishes within `duration`, or `None` once `duration` has
/// passed, dropping (and so cancelling) `future`. Use [`crate::sleep`] for the time limit.
pub async fn timeout<F: Future>(duration: Duration, future: F) -> Option<F::Output> {
    todo!("exercise `timeout` is not written yet (ask for a hint: just hint ch06 timeout)")
}
// ANCHOR_END: timeout
