//! Lost updates: the article's "no atomic locking needed", tested on both of tokio's runtimes.
//!
//! Every function here adds 1 to a shared counter from several tasks, in the shape
//! `value = count; <something>; count = value + 1`, and returns the final count. When a task
//! runs between another task's read and its write, one of the two additions is lost.
//!
//! ## The data race the compiler refuses
//!
//! Two tasks writing one plain integer would be a *data race*, undefined behaviour in C. In Rust
//! it does not compile: what an `Arc` shares cannot be written through (E0594), and a non-atomic
//! shared cell such as `Rc<Cell<u64>>` cannot be sent to a spawned task (E0277, "cannot be sent
//! between threads safely"). `compile_fail/arc_data_race.rs` is the first as a doctest of
//! [`crate::shared_state`].
//!
//! What compiles is an atomic or a lock. Atomics make each *operation* indivisible, not the
//! read-modify-write made of two of them ([`on_threads`]); a `std::sync::Mutex` held over the
//! whole update makes that indivisible ([`on_threads_locked`]).

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::{JoinSet, LocalSet};
use tokio::time::sleep;

// ANCHOR: one_thread
/// asyncio's lost update, on one thread: read, await something slow, write.
///
/// Every task reads 0 before any of them writes, so `tasks` additions leave the count at 1.
pub async fn one_thread(tasks: usize, slow: Duration) -> u64 {
    let count = Rc::new(Cell::new(0)); // one thread only: no lock, no atomic
    let local = LocalSet::new();
    for _ in 0..tasks {
        let count = Rc::clone(&count);
        local.spawn_local(async move {
            let value = count.get();
            sleep(slow).await; // another task runs here and reads the same value
            count.set(value + 1);
        });
    }
    local.await;
    count.get()
}
// ANCHOR_END: one_thread

// ANCHOR: one_thread_locked
/// The fix, as with `async with lock:` in asyncio: hold a `tokio::sync::Mutex` from the read
/// to the write, *across* the `.await`. The tasks now take turns: `tasks × slow` in all.
pub async fn one_thread_locked(tasks: usize, slow: Duration) -> u64 {
    let count = Arc::new(tokio::sync::Mutex::new(0));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let count = Arc::clone(&count);
        set.spawn(async move {
            let mut count = count.lock().await; // waits its turn without blocking the thread
            let value = *count;
            sleep(slow).await; // still holding the lock: nobody else reads meanwhile
            *count = value + 1;
        });
    }
    set.join_all().await;
    *count.lock().await
}
// ANCHOR_END: one_thread_locked

/// Wait (spinning, a few seconds at most) until `tasks` callers have arrived, so that tasks on
/// a multi-thread runtime start their loops together, each on its own worker thread.
///
/// A blocking wait in a task is wrong in real code (chapter 8); here it only makes the
/// demonstration independent of which worker happens to pick up which task.
fn start_together(arrived: &AtomicUsize, tasks: usize) {
    arrived.fetch_add(1, Ordering::SeqCst);
    let give_up = std::time::Instant::now() + Duration::from_secs(5);
    while arrived.load(Ordering::SeqCst) < tasks && std::time::Instant::now() < give_up {
        std::thread::yield_now();
    }
}

// ANCHOR: on_threads
/// No `.await` anywhere, and updates are still lost on a multi-thread runtime: two tasks on two
/// threads do `load` and `store` at the same time. (`yield_now` lets the OS switch threads at
/// the worst moment on purpose; preemption can happen between any two instructions.)
pub async fn on_threads(tasks: usize, each: u64) -> u64 {
    let count = Arc::new(AtomicU64::new(0));
    let arrived = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (count, arrived) = (Arc::clone(&count), Arc::clone(&arrived));
        set.spawn(async move {
            start_together(&arrived, tasks);
            for _ in 0..each {
                let value = count.load(Ordering::SeqCst);
                std::thread::yield_now();
                count.store(value + 1, Ordering::SeqCst); // may overwrite another's update
            }
        });
    }
    set.join_all().await;
    count.load(Ordering::SeqCst)
}
// ANCHOR_END: on_threads

// ANCHOR: on_threads_locked
/// The same loop with a `std::sync::Mutex` held from the read to the write: nothing is lost.
/// A `std` mutex is the right one here, since nothing is awaited while it is held.
pub async fn on_threads_locked(tasks: usize, each: u64) -> u64 {
    let count = Arc::new(Mutex::new(0));
    let arrived = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for _ in 0..tasks {
        let (count, arrived) = (Arc::clone(&count), Arc::clone(&arrived));
        set.spawn(async move {
            start_together(&arrived, tasks);
            for _ in 0..each {
                let mut count = count.lock().expect("no task panics holding the lock");
                let value = *count;
                std::thread::yield_now();
                *count = value + 1;
            } // the guard is dropped at the end of each iteration
        });
    }
    set.join_all().await;
    *count.lock().expect("no task panicked holding the lock")
}
// ANCHOR_END: on_threads_locked

/// The tour section: the lost update on one thread, then the lock that prevents it.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = shared::Timeline::start();
        let slow = Duration::from_millis(100);
        shared::outln!("3 tasks each read the count, await 0.1 s, write it plus 1");
        let count = one_thread(3, slow).await;
        timeline.say(format_args!("without a lock: count = {count}"));
        let count = one_thread_locked(3, slow).await;
        timeline.say(format_args!(
            "with a lock held across the await: count = {count}"
        ));
    });
}
