//! # Chapter 11 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch11`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch11 block_on`.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use std::future::Future;
use std::time::Duration;

// ANCHOR: block_on
/// Exercise `block_on`: the smallest executor there is. Poll `future` on the calling thread
/// until it is ready and return its output: what `asyncio.run` (and every Rust runtime's
/// `block_on`) does at its core.
///
/// When the future is `Pending`, the thread must *sleep* until the future's waker is called
/// (from any thread), then poll again; it must not poll in a loop meanwhile.
pub fn block_on<F: Future>(future: F) -> F::Output {
    todo!("exercise `block_on` is not written yet (ask for a hint: just hint ch11 block_on)")
}
// ANCHOR_END: block_on

// ANCHOR: sleep_anywhere
/// Exercise `sleep_anywhere`: sleep `duration` on the tokio runtime behind `handle`, from code
/// that runs on *another* executor (smol, a futures pool, chapter 6's). Calling
/// `tokio::time::sleep` there panics ("there is no reactor running"), and blocking the thread
/// would stop that executor's other tasks.
pub async fn sleep_anywhere(handle: tokio::runtime::Handle, duration: Duration) {
    todo!(
        "exercise `sleep_anywhere` is not written yet (ask for a hint: just hint ch11 sleep_anywhere)"
    )
}
// ANCHOR_END: sleep_anywhere
