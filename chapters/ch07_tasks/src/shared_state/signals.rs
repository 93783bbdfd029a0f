//! `asyncio.Event` and `asyncio.Condition`: telling waiting tasks that something happened.
//!
//! An `asyncio.Event` is a flag with waiters: `await event.wait()` suspends until someone calls
//! `event.set()`, and once set it *stays* set, so a task that waits later returns at once.
//! tokio's `watch` channel holds a value and wakes its receivers when it changes; with a `bool`
//! inside and `wait_for(|set| *set)` it is exactly an `Event`.
//!
//! `tokio::sync::Notify` is lower level: `notify_waiters()` wakes the tasks waiting *now* and
//! remembers nothing, so a task that starts waiting a moment later sleeps on. (`notify_one()`
//! stores one permit for the next waiter, like a semaphore of one.) It is the building block,
//! not the `Event`.
//!
//! An `asyncio.Condition` is a lock plus "wake me when this predicate holds"
//! (`await cond.wait_for(lambda: stock >= n)`). `watch::Receiver::wait_for(predicate)` is the
//! same in one call: the value is the state, and the predicate is checked on every change.

use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

// ANCHOR: event
/// An `Event` set after `set_after`: `waiters` tasks wait for it from the start, one more
/// starts waiting after it was set. Returns when each was released, the late one last.
pub async fn event(waiters: usize, set_after: Duration) -> Vec<Duration> {
    let start = Instant::now();
    let (set, is_set) = watch::channel(false); // event = asyncio.Event()
    let mut set_waiters = JoinSet::new();
    for _ in 0..waiters {
        let mut is_set = is_set.clone();
        set_waiters.spawn(async move {
            is_set.wait_for(|set| *set).await.expect("the sender lives"); // await event.wait()
            start.elapsed()
        });
    }
    sleep(set_after).await;
    set.send_replace(true); // event.set()
    let mut released = set_waiters.join_all().await;

    sleep(set_after).await;
    let mut late = is_set.clone();
    late.wait_for(|set| *set).await.expect("the sender lives"); // returns at once: still set
    released.push(start.elapsed());
    released
}
// ANCHOR_END: event

// ANCHOR: notify
/// `notify_waiters` wakes only who is waiting: a task that starts waiting a moment after it
/// misses the wake-up. Returns whether that late waiter was still asleep after `patience`.
pub async fn late_waiter_misses_notify(patience: Duration) -> bool {
    let ready = Arc::new(Notify::new());
    ready.notify_waiters(); // nobody waits yet: this wake-up is lost
    let late = ready.notified();
    timeout(patience, late).await.is_err()
}
// ANCHOR_END: notify

// ANCHOR: condition
/// `asyncio.Condition.wait_for(lambda: stock >= n)`: buyers wait for enough stock while a
/// supplier adds one item every `every`. Returns (items wanted, when the buyer was released).
pub async fn wait_for_stock(wanted: &[u64], every: Duration) -> Vec<(u64, Duration)> {
    let start = Instant::now();
    let (stock, watcher) = watch::channel(0_u64);
    let mut buyers = JoinSet::new();
    for &n in wanted {
        let mut watcher = watcher.clone();
        buyers.spawn(async move {
            watcher
                .wait_for(|stock| *stock >= n)
                .await
                .expect("the supplier lives");
            (n, start.elapsed())
        });
    }
    let most = wanted.iter().copied().max().unwrap_or(0);
    for _ in 0..most {
        sleep(every).await;
        stock.send_modify(|stock| *stock += 1); // cond.notify_all() after changing the state
    }
    let mut released = buyers.join_all().await;
    released.sort_unstable();
    released
}
// ANCHOR_END: condition
