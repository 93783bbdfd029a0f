//! 三.5.1 事件循环: the article's pseudo-code event loop, taken literally.
//!
//! ```text
//! 任务列表 = [任务1, 任务2, 任务3, ···]
//! while True:
//!     可执行任务列表, 已完成任务列表 = 去任务列表中检查所有的任务
//!     for 就绪任务 in 可执行任务列表: 执行已就绪的任务
//!     for 已完成的任务 in 已完成任务列表: 任务列表中移除已完成的任务
//!     如果任务列表中的任务都已完成,则终止循环
//! ```
//!
//! "Check every task" in Rust is "poll every future". That works: the listing prints the right
//! lines at the right times. But nothing tells the loop *when* a task can go on, so it asks all
//! of them again and again, millions of times a second, and a listing that spends 2 s asleep
//! spends 2 s of CPU time. The futures here are in on it: [`busy_sleep`] answers "not yet"
//! without leaving a waker anywhere, which a real future must never do. The real loop, in
//! [`executor`](crate::executor), fixes both sides.

use crate::cpu_time::thread_cpu_time;
use crate::two_tasks::{func1, func2};
use shared::{Timeline, outln};
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// A task of the polling loop: any future, boxed so that different ones fit in one list.
pub type BoxedTask = Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    /// The time when the polling loop's current pass began: what [`BusySleep`] compares with.
    /// asyncio's loop also reads its clock once per turn: two sleeps that start in the same
    /// turn end in the same turn, in the order they started, however late the thread runs.
    static PASS_TIME: Cell<Option<Instant>> = const { Cell::new(None) };
}

// ANCHOR: polling_loop
/// The article's loop: poll every task until none is left; return how many polls it took.
pub fn run_polling_loop(mut tasks: Vec<BoxedTask>) -> u64 {
    // Nobody will ever call this waker: the loop asks instead of being told.
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    while !tasks.is_empty() {
        // One look at the clock per pass, so every task of a pass sees the same time.
        PASS_TIME.set(Some(Instant::now()));
        // 去任务列表中检查所有的任务: run each one as far as it can go, keep the unfinished.
        tasks.retain_mut(|task| {
            polls += 1;
            task.as_mut().poll(&mut cx).is_pending()
        });
    }
    polls
}
// ANCHOR_END: polling_loop

// ANCHOR: busy_sleep
/// The future of [`busy_sleep`].
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct BusySleep {
    duration: Duration,
    deadline: Option<Instant>,
}

/// A sleep that is ready once its time has passed, and arranges no wake-up: it only works on
/// [`run_polling_loop`], which polls everything all the time.
pub fn busy_sleep(duration: Duration) -> BusySleep {
    BusySleep {
        duration,
        deadline: None,
    }
}

impl Future for BusySleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut(); // `BusySleep` is `Unpin`
        let now = PASS_TIME
            .get()
            .expect("a BusySleep is polled by run_polling_loop");
        let deadline = *this.deadline.get_or_insert(now + this.duration);
        if now >= deadline {
            Poll::Ready(())
        } else {
            Poll::Pending // and no waker stored: breaks the `Future` contract on purpose
        }
    }
}
// ANCHOR_END: busy_sleep

/// The tour section: the two-task listing on the polling loop, with its cost.
pub fn show() {
    let timeline = Timeline::start();
    let cpu_before = thread_cpu_time();
    // ANCHOR: run
    let polls = run_polling_loop(vec![
        Box::pin(func1(timeline, busy_sleep)),
        Box::pin(func2(timeline, busy_sleep)),
    ]);
    // ANCHOR_END: run
    outln!("the loop polled {:.1} million times", polls as f64 / 1e6);
    crate::two_tasks::report_time(timeline, cpu_before);
}
