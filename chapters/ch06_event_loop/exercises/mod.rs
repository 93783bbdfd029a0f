//! # Chapter 6 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch06`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch06 yield_now`.
//! The statements, with the solutions folded away, are also in the book's chapter 6.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
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

// ANCHOR: count_downs
/// Exercise `count_downs`: translate this Python listing onto this chapter's executor.
///
/// ```python
/// async def count_down(name, n, log):
///     while n > 0:
///         log.append(f"{name}{n}")
///         await asyncio.sleep(1)
///         n -= 1
///
/// async def main():
///     log = []
///     await asyncio.gather(count_down("A", 2, log), count_down("B", 3, log))
///     return log
/// ```
///
/// `asyncio.run(main())` returns `['A2', 'B3', 'A1', 'B2', 'B1']` after 3 s. `main` is
/// `count_downs` here. Use [`crate::spawn`] for the two tasks (what `gather` makes of the
/// coroutines), [`crate::sleep`], and an `Rc<RefCell<Vec<String>>>` for the shared list: one
/// thread, as in asyncio, so no lock.
pub async fn count_down(name: &'static str, n: u32, log: Rc<RefCell<Vec<String>>>) {
    todo!("exercise `count_downs` is not written yet (ask for a hint: just hint ch06 count_downs)")
}

/// The listing's `main`.
pub async fn count_downs() -> Vec<String> {
    todo!("exercise `count_downs` is not written yet (ask for a hint: just hint ch06 count_downs)")
}
// ANCHOR_END: count_downs
