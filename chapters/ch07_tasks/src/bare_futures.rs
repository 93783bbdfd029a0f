//! 三.5.4 Task 对象, example 2: waiting for futures that are not tasks.
//!
//! The article passes bare coroutine objects to `asyncio.wait`. Python 3.11 refuses that
//! (`TypeError: Passing coroutines is forbidden, use tasks explicitly.`): `wait` only takes
//! tasks and futures, because wrapping coroutines in tasks behind the caller's back hid when
//! they started and who owned them.
//!
//! Rust has both, and makes the caller pick:
//!
//! - [`futures::future::join_all`] (and `join!`) take plain futures and poll them all from
//!   the task that awaits the join: concurrency without new tasks. They run only while that
//!   task awaits the join, and never in parallel with each other on a multi-thread runtime.
//! - [`JoinSet`] spawns each future as a task of its own (it is `FromIterator` over futures,
//!   so collecting into it spawns). The tasks run even while nobody awaits the set, may run in
//!   parallel, and are aborted if the set is dropped.
//!
//! A spawned future must be `'static`: the task may outlive the function that spawned it, so
//! it cannot borrow that function's locals. `join_all` has no such rule, since its futures
//! never outlive the `.await`. A borrow handed to `spawn` is refused:
//!
#![doc = "```compile_fail,E0597"]
#![doc = include_str!("../compile_fail/spawn_borrowed.rs")]
#![doc = "```"]

use crate::create_task::job;
use shared::Timeline;
use tokio::task::JoinSet;

// ANCHOR: join_all
/// Three futures, no tasks: `join_all` polls them together from this one task.
pub async fn not_spawned(timeline: Timeline) -> Vec<u64> {
    let futures = ["c0", "c1", "c2"].map(|name| job(timeline, name, 2));
    let results = futures::future::join_all(futures).await; // in argument order
    timeline.say(format_args!("main: three futures -> {results:?}"));
    results
}
// ANCHOR_END: join_all

// ANCHOR: join_set
/// Three futures, three tasks: collecting into a `JoinSet` spawns each one.
pub async fn spawned(timeline: Timeline) -> Vec<u64> {
    // The names are `&'static str`, so each future borrows nothing short-lived: spawning
    // needs `'static` futures, since a task may outlive the code that spawned it.
    let set: JoinSet<u64> = ["t0", "t1", "t2"]
        .into_iter()
        .map(|name| job(timeline, name, 2))
        .collect();
    let results = set.join_all().await; // in the order they finished
    timeline.say(format_args!("main: three tasks -> {results:?}"));
    results
}
// ANCHOR_END: join_set

/// The tour section.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        not_spawned(timeline).await;
        spawned(timeline).await;
    });
}
