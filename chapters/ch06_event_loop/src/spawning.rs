//! Tasks that spawn tasks, and a task that panics.
//!
//! Inside a task, [`spawn`] reaches the executor running it, like `asyncio.create_task` reaches
//! the running loop: the loop is a thread-local "current executor" while it runs. A spawned
//! child starts when the parent next hands control back to the loop.
//!
//! A panic in a task is the Rust cousin of an exception escaping a coroutine. asyncio stores
//! the exception in the `Task`, and `await task` raises it again; nothing else stops. Our loop
//! does the same: it catches the panic at the task's edge (`catch_unwind`), drops the task,
//! and the task's [`JoinHandle`](crate::JoinHandle) resolves to `Err(TaskPanicked)`.
//!
//! One thing has no asyncio counterpart: Rust's panic hook, which runs the moment a panic
//! starts, before anything catches it, and prints `thread 'main' panicked at …` to stderr. The
//! tour swaps it for a hook that prints a line of the listing, so that the book shows when it
//! runs.

use crate::{Executor, TaskPanicked, spawn};
use shared::outln;
use shared::panics::{self, QuietPanics};

// ANCHOR: parent
/// Spawn three children from inside a task, then collect what each one ended with.
pub async fn parent() -> Vec<Result<u32, TaskPanicked>> {
    outln!("parent: spawning 3 children");
    let children: Vec<_> = (0..3).map(|i| spawn(child(i))).collect();
    outln!("parent: awaiting them");
    let mut results = Vec::new();
    for child in children {
        results.push(child.await);
    }
    results
}

/// Child 1 panics; the others return their number doubled.
async fn child(i: u32) -> u32 {
    outln!("child {i}: running");
    if i == 1 {
        panic!("child {i} gave up");
    }
    i * 2
}
// ANCHOR_END: parent

/// The tour section.
pub fn show() {
    // ANCHOR: show
    // Until `_hook` is dropped, a panic prints this line instead of Rust's stderr message.
    let _hook = QuietPanics::with(|info| outln!("panic hook: {}", panics::message(info.payload())));
    let executor = Executor::new();
    for (i, result) in executor.block_on(parent()).into_iter().enumerate() {
        match result {
            Ok(value) => outln!("parent: child {i} returned {value}"),
            Err(panicked) => outln!("parent: child {i} failed: {panicked}"),
        }
    }
    // ANCHOR_END: show
}
