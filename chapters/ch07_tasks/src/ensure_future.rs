//! `asyncio.ensure_future`, as the listings of the article's 三.3.3 asyncio and 三.3.4 async & await
//! use it.
//!
//! `ensure_future(coro)` wraps a coroutine in a task and schedules it: that is
//! `tokio::spawn(future)`, the same as `create_task` (which 三.5.4 Task 对象 recommends instead).
//! `ensure_future(task_or_future)` returns its argument unchanged: in Rust there is nothing to
//! do, since a `JoinHandle`, like any future, is awaited as it is.
//!
//! The article's listing makes two tasks with `ensure_future` and runs
//! `loop.run_until_complete(asyncio.wait(tasks))`; here the tasks are spawned and their handles
//! awaited, and the stamps show the same 1 3 2 4 order, both done after 2 s, not 4.

use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: ensure_future
async fn func(timeline: Timeline, first: u32, second: u32) -> u32 {
    timeline.say(first);
    sleep(Duration::from_secs(2)).await; // 遇到 IO 耗时操作,自动切换
    timeline.say(second);
    second
}

/// `tasks = [asyncio.ensure_future(func1()), asyncio.ensure_future(func2())]`
/// `loop.run_until_complete(asyncio.wait(tasks))`
pub async fn article_listing(timeline: Timeline) -> Vec<u32> {
    let tasks = [
        tokio::spawn(func(timeline, 1, 2)), // ensure_future(coroutine): a task, running now
        tokio::spawn(func(timeline, 3, 4)),
    ];
    let mut results = Vec::new();
    for task in tasks {
        // ensure_future(task) would hand back `task`: a JoinHandle is awaited as it is.
        results.push(task.await.expect("func does not panic"));
    }
    results
}
// ANCHOR_END: ensure_future
