//! 三.5.3 await: the article's four `await` examples.
//!
//! `await` suspends the *current* coroutine until the awaited thing has a result, and lets the
//! event loop run others meanwhile. Examples 1–3 only ever have one coroutine, so awaiting is
//! sequential: two 2-second sleeps take 4 seconds. Example 4 creates three *tasks*; a task is
//! scheduled by the loop on its own, so their three sleeps overlap and all finish at 2 s.
//!
//! Every function takes the listing's [`Timeline`] so that each line carries its time.

use shared::Timeline;
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: func
/// `async def func()`: print, sleep 2 s without blocking the thread, print, return 2.
pub async fn func(timeline: Timeline, who: &str) -> u32 {
    timeline.say(format_args!("{who}: 你好"));
    sleep(Duration::from_secs(2)).await; // the loop may run other tasks here
    timeline.say(format_args!("{who}: Hello"));
    2
}
// ANCHOR_END: func

// ANCHOR: example2
/// Example 2: `resp = await func()`, an `async fn` awaiting another and using its result.
pub async fn example2(timeline: Timeline) -> u32 {
    timeline.say("func2: 函数开始执行 (started)");
    let resp = func(timeline, "func").await;
    timeline.say(format_args!("func2: got {resp}"));
    resp
}
// ANCHOR_END: example2

// ANCHOR: example3
/// Example 3: two awaits in a row run one after the other, 2 s + 2 s.
pub async fn example3(timeline: Timeline) -> (u32, u32) {
    timeline.say("func2: 函数开始执行 (started)");
    let first = func(timeline, "first").await;
    timeline.say(format_args!("func2: 1: {first}"));
    let second = func(timeline, "second").await;
    timeline.say(format_args!("func2: 2: {second}"));
    (first, second)
}
// ANCHOR_END: example3

// ANCHOR: example4
/// Example 4: three tasks, spawned before any is awaited, so their sleeps overlap.
///
/// `tokio::spawn` is `asyncio.create_task`: the future starts running on the runtime as soon
/// as the current task yields, whether or not anybody awaits the handle. Awaiting the handles
/// afterwards is `asyncio.wait(tasks)`: it only collects results that are being produced anyway.
pub async fn example4(timeline: Timeline) -> Vec<u32> {
    let handles: Vec<_> = (0..3)
        .map(|i| tokio::spawn(async move { func(timeline, &format!("task {i}")).await }))
        .collect();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.expect("func does not panic"));
    }
    timeline.say(format_args!("all three done: {results:?}"));
    results
}
// ANCHOR_END: example4

/// Example 1, the tour section: `asyncio.run(func())`.
///
/// Each section starts its timeline inside the runtime, so that it reads the runtime's clock,
/// which `--virtual-clock` pauses.
pub fn show_example1() {
    shared::runtime::block_on(async {
        func(Timeline::start(), "func").await;
    });
}

/// Example 2, the tour section.
pub fn show_example2() {
    shared::runtime::block_on(async { example2(Timeline::start()).await });
}

/// Example 3, the tour section.
pub fn show_example3() {
    shared::runtime::block_on(async { example3(Timeline::start()).await });
}

/// Example 4, the tour section.
pub fn show_example4() {
    shared::runtime::block_on(async { example4(Timeline::start()).await });
}
