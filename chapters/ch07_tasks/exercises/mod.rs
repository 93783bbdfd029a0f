//! # Chapter 7 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch07`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch07 first_completed`.
//! The statements, with the solutions folded away, are also in the book's chapter 7.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::named_task::{Finished, NamedTask};
use std::future::Future;
use std::time::Duration;

// ANCHOR: first_completed
/// Exercise `first_completed`: `asyncio.wait(tasks, return_when=FIRST_COMPLETED)`.
///
/// Wait until the first of `tasks` finishes and return it with all the others, still running
/// and in their original order. `None` if there are no tasks at all.
pub async fn first_completed<T>(
    tasks: Vec<NamedTask<T>>,
) -> Option<(Finished<T>, Vec<NamedTask<T>>)> {
    todo!(
        "exercise `first_completed` is not written yet (ask for a hint: just hint ch07 first_completed)"
    )
}
// ANCHOR_END: first_completed

// ANCHOR: results_within
/// Exercise `results_within`: run every future as a task of its own and give them `timeout`.
///
/// Return one entry per future, in the order given: `Some(output)` if it finished in time,
/// `None` if not. Tasks still running at the deadline are cancelled: they must never finish
/// their work. Return as soon as every task is done, without waiting out the timeout.
pub async fn results_within<F>(futures: Vec<F>, timeout: Duration) -> Vec<Option<F::Output>>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    todo!(
        "exercise `results_within` is not written yet (ask for a hint: just hint ch07 results_within)"
    )
}
// ANCHOR_END: results_within

mod withdraw;
pub use withdraw::withdraw;

mod worker_pool;
pub use worker_pool::worker_pool;

// ANCHOR: by_completion
/// Exercise `by_completion`: translate this Python listing.
///
/// ```python
/// async def after(seconds):
///     await asyncio.sleep(seconds)
///     return seconds
///
/// async def by_completion(delays):
///     tasks = [asyncio.create_task(after(s)) for s in delays]
///     return [await task for task in asyncio.as_completed(tasks)]
/// ```
///
/// `by_completion([3, 1, 2])` returns `[1, 2, 3]` after 3 s: every task runs at once, and the
/// results come in the order the tasks finish.
pub async fn after(seconds: u64) -> u64 {
    todo!(
        "exercise `by_completion` is not written yet (ask for a hint: just hint ch07 by_completion)"
    )
}
/// The listing's `by_completion`.
pub async fn by_completion(delays: Vec<u64>) -> Vec<u64> {
    todo!(
        "exercise `by_completion` is not written yet (ask for a hint: just hint ch07 by_completion)"
    )
}
// ANCHOR_END: by_completion
