//! 三.3.4 async & await / 三.5.1 事件循环: the article's two-task listing, on our loop and on tokio.
//!
//! ```python
//! async def func1():
//!     print(1)
//!     await asyncio.sleep(2)  # 网络 IO 请求: the loop switches to func2 meanwhile
//!     print(2)
//! ```
//!
//! and `func2` likewise with 3 and 4; both run as tasks, so the output is 1 3 2 4 in 2 s, not 4.
//! The two coroutines are written once, for any loop: the only thing they need from a loop is
//! a sleep, so they take the loop's `sleep` function as an argument. Our executor's
//! [`sleep`], tokio's `tokio::time::sleep` and the polling loop's
//! [`busy_sleep`](crate::polling_loop::busy_sleep) all fit.

use crate::cpu_time::thread_cpu_time;
use crate::poll_count::PollCounter;
use crate::{Executor, sleep};
use shared::{Timeline, outln};
use std::future::Future;
use std::io;
use std::time::Duration;

// ANCHOR: listing
/// `async def func1()`: print 1, wait 2 s for "network I/O", print 2.
pub async fn func1<S: Future<Output = ()>>(timeline: Timeline, sleep: fn(Duration) -> S) {
    timeline.say(1);
    sleep(Duration::from_secs(2)).await; // the loop runs func2 meanwhile
    timeline.say(2);
}

/// `async def func2()`: print 3, wait 2 s, print 4.
pub async fn func2<S: Future<Output = ()>>(timeline: Timeline, sleep: fn(Duration) -> S) {
    timeline.say(3);
    sleep(Duration::from_secs(2)).await;
    timeline.say(4);
}
// ANCHOR_END: listing

/// The tour section on our executor: real time, and the CPU time it cost.
pub fn show_on_executor() {
    let timeline = Timeline::start();
    let cpu_before = thread_cpu_time();
    // ANCHOR: on_executor
    let (polls1, polls2) = (PollCounter::default(), PollCounter::default());
    let executor = Executor::new();
    executor.spawn(polls1.wrap(func1(timeline, sleep)));
    executor.spawn(polls2.wrap(func2(timeline, sleep)));
    executor.run(); // until both tasks are done
    // ANCHOR_END: on_executor
    report_polls(&polls1, &polls2);
    report_time(timeline, cpu_before);
}

/// The tour section on tokio (a paused clock under `--virtual-clock`).
pub fn show_on_tokio() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        // ANCHOR: on_tokio
        let (polls1, polls2) = (PollCounter::default(), PollCounter::default());
        let task1 = tokio::spawn(polls1.wrap(func1(timeline, tokio::time::sleep)));
        let task2 = tokio::spawn(polls2.wrap(func2(timeline, tokio::time::sleep)));
        for task in [task1, task2] {
            task.await.expect("func1 and func2 do not panic");
        }
        // ANCHOR_END: on_tokio
        report_polls(&polls1, &polls2);
    });
}

fn report_polls(polls1: &PollCounter, polls2: &PollCounter) {
    outln!(
        "func1 was polled {} times, func2 {} times",
        polls1.get(),
        polls2.get()
    );
}

/// `wall time 2.00 s, CPU time 0.00 s` since `timeline` started and `cpu_before` was read.
pub(crate) fn report_time(timeline: Timeline, cpu_before: io::Result<Duration>) {
    let wall = timeline.elapsed().as_secs_f64();
    match thread_cpu_time().and_then(|after| Ok(after - cpu_before?)) {
        Ok(cpu) => outln!("wall time {wall:.2} s, CPU time {:.2} s", cpu.as_secs_f64()),
        Err(error) => outln!("wall time {wall:.2} s, CPU time unknown: {error}"),
    }
}
