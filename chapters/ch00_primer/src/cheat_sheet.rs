//! The snippets of the book's asyncio → tokio cheat sheet, each a function a test runs.
//!
//! Every function is what one row of the sheet says, small enough to read at a glance; the
//! tests in `tests/cheat_sheet.rs` check that each does what the sheet claims (under tokio's
//! paused clock where time matters).

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, Notify, Semaphore, mpsc};
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

// ANCHOR: run
/// `async def work(): ...` and `asyncio.run(work())`.
pub async fn work(secs: u64) -> u64 {
    sleep(Duration::from_secs(secs)).await; // await asyncio.sleep(secs)
    secs * 10
}

pub fn run(secs: u64) -> u64 {
    // #[tokio::main] on `async fn main` writes these lines for you.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(work(secs))
}
// ANCHOR_END: run

// ANCHOR: spawn
/// `task = asyncio.create_task(work(1))` (or `ensure_future`), then `await task`.
pub async fn spawn_and_await() -> u64 {
    let task = tokio::spawn(work(1)); // starts now, like create_task
    task.await.expect("the task panicked") // JoinError: it panicked or was aborted
}
// ANCHOR_END: spawn

// ANCHOR: gather
/// `a, b = await asyncio.gather(work(1), work(2))`
pub async fn gather() -> (u64, u64) {
    tokio::join!(work(1), work(2))
}
// ANCHOR_END: gather

// ANCHOR: as_completed
/// `for next in asyncio.as_completed(tasks): print(await next)`; also `asyncio.TaskGroup`.
pub async fn as_completed() -> Vec<u64> {
    let mut set = JoinSet::new();
    for secs in [3, 1, 2] {
        set.spawn(work(secs));
    }
    let mut in_finishing_order = Vec::new();
    while let Some(done) = set.join_next().await {
        in_finishing_order.push(done.expect("the task panicked"));
    }
    in_finishing_order
}
// ANCHOR_END: as_completed

// ANCHOR: timeout
/// `await asyncio.wait_for(work(5), timeout=1)`: on time-out the work is dropped (cancelled).
pub async fn wait_for() -> Option<u64> {
    timeout(Duration::from_secs(1), work(5)).await.ok() // Err(Elapsed) → None
}
// ANCHOR_END: timeout

// ANCHOR: cancel
/// `task.cancel()`, then `await task` raises `CancelledError`.
pub async fn cancel() -> bool {
    let task = tokio::spawn(work(5));
    task.abort();
    task.await.is_err_and(|error| error.is_cancelled())
}
// ANCHOR_END: cancel

// ANCHOR: lock
/// `lock = asyncio.Lock()` … `async with lock: total += await work(1)`
pub async fn lock(tasks: u64) -> u64 {
    let total = Arc::new(Mutex::new(0));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let total = Arc::clone(&total);
        set.spawn(async move {
            let mut total = total.lock().await; // held across the await below
            *total += work(1).await;
        });
    }
    set.join_all().await;
    *total.lock().await
}
// ANCHOR_END: lock

// ANCHOR: event
/// `event = asyncio.Event()`; one task `await event.wait()`, another `event.set()`.
pub async fn event() -> &'static str {
    let ready = Arc::new(Notify::new());
    let waiter = tokio::spawn({
        let ready = Arc::clone(&ready);
        async move {
            ready.notified().await;
            "woken"
        }
    });
    sleep(Duration::from_secs(1)).await;
    ready.notify_waiters(); // wakes every task waiting now (a `watch` remembers the state too)
    waiter.await.expect("the waiter panicked")
}
// ANCHOR_END: event

// ANCHOR: semaphore
/// `sem = asyncio.Semaphore(2)` … `async with sem: await work(1)`
pub async fn semaphore(tasks: u64) -> u64 {
    let permits = Arc::new(Semaphore::new(2));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let permits = Arc::clone(&permits);
        set.spawn(async move {
            let _permit = permits.acquire().await.expect("never closed");
            work(1).await // at most two of these at a time
        });
    }
    set.join_all().await.iter().sum()
}
// ANCHOR_END: semaphore

// ANCHOR: queue
/// `queue = asyncio.Queue(maxsize=8)`; `await queue.put(x)`; `x = await queue.get()`
pub async fn queue() -> Vec<u64> {
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for n in 1..=3 {
            tx.send(n).await.expect("the receiver is alive");
        }
        // `tx` dropped here: the receiver sees the end, no sentinel needed
    });
    let mut got = Vec::new();
    while let Some(n) = rx.recv().await {
        got.push(n);
    }
    got
}
// ANCHOR_END: queue

// ANCHOR: blocking
/// `await loop.run_in_executor(None, blocking_call)` / `await asyncio.to_thread(...)`
pub async fn to_thread() -> usize {
    tokio::task::spawn_blocking(|| std::fs::read_dir(".").map_or(0, |dir| dir.count()))
        .await
        .expect("the blocking call panicked")
}
// ANCHOR_END: blocking
