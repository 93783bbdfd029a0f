//! 三.5.5.1 asyncio.Future, by hand: `asyncio.Future` in a page of code, to show there is no magic.
//!
//! An `asyncio.Future` is a result slot plus a list of callbacks to run when the slot is
//! filled. Ours is the same: a result slot plus the [`Waker`]s of every task awaiting it,
//! behind a mutex shared by two kinds of handle:
//!
//! - [`Setter`] (`fut.set_result`): fills the slot and wakes every waiter. A second
//!   `set_result` is an [`InvalidStateError`], as in Python. Dropping the setter without a
//!   result *cancels* the future: the waiters wake up with [`Cancelled`] instead of waiting
//!   forever (Python's future has no owner that could notice, so there it hangs).
//! - [`SharedFuture`] (`await fut`): cloneable, and every clone is woken. Each waiter gets its
//!   own copy of the result, so `T: Clone` (tokio's `oneshot::Receiver` has one waiter only
//!   for the opposite reason: it *moves* the value out, so any `T` will do).

use shared::Timeline;
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::sleep;

// ANCHOR: state
/// What the setter and every waiter share.
#[derive(Debug)]
struct State<T> {
    /// `None` while pending, then the result (or the cancellation) for good.
    outcome: Option<Result<T, Cancelled>>,
    /// The waker of each waiter that is waiting, by waiter id.
    wakers: BTreeMap<u64, Waker>,
    /// The id the next clone of the future gets.
    next_id: u64,
}

/// `loop.create_future()`: a pending future and the handle that completes it.
pub fn create_future<T>() -> (Setter<T>, SharedFuture<T>) {
    let state = Arc::new(Mutex::new(State {
        outcome: None,
        wakers: BTreeMap::new(),
        next_id: 1,
    }));
    let future = SharedFuture {
        state: Arc::clone(&state),
        id: 0,
    };
    (Setter { state }, future)
}

fn lock<T>(state: &Mutex<State<T>>) -> MutexGuard<'_, State<T>> {
    state.lock().unwrap_or_else(|poison| poison.into_inner())
}
// ANCHOR_END: state

// ANCHOR: setter
/// The `set_result` side of a future made by [`create_future`].
#[derive(Debug)]
pub struct Setter<T> {
    state: Arc<Mutex<State<T>>>,
}

impl<T> Setter<T> {
    /// `fut.set_result(value)`: complete the future and wake every waiter.
    ///
    /// Fails if the future is already done, handing `value` back.
    pub fn set_result(&self, value: T) -> Result<(), InvalidStateError<T>> {
        let mut state = lock(&self.state);
        if state.outcome.is_some() {
            return Err(InvalidStateError(value));
        }
        state.outcome = Some(Ok(value));
        wake_all(state);
        Ok(())
    }
}

impl<T> Drop for Setter<T> {
    /// Dropped without a result: cancel, so nobody waits forever. (Nothing to do once set.)
    fn drop(&mut self) {
        let mut state = lock(&self.state);
        if state.outcome.is_none() {
            state.outcome = Some(Err(Cancelled));
            wake_all(state);
        }
    }
}

/// Wake every waiter, after unlocking: a waker may run code that locks the state again.
fn wake_all<T>(mut state: MutexGuard<'_, State<T>>) {
    let wakers = std::mem::take(&mut state.wakers);
    drop(state);
    wakers.into_values().for_each(Waker::wake);
}
// ANCHOR_END: setter

// ANCHOR: shared_future
/// The awaitable side: `await fut`. Clone it to have several waiters; all are woken.
#[derive(Debug)]
pub struct SharedFuture<T> {
    state: Arc<Mutex<State<T>>>,
    id: u64,
}

impl<T: Clone> Future for SharedFuture<T> {
    type Output = Result<T, Cancelled>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = lock(&self.state);
        match &state.outcome {
            Some(outcome) => Poll::Ready(outcome.clone()),
            None => {
                // Remember (or refresh) this waiter's waker; the setter will call it.
                state.wakers.insert(self.id, cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl<T> Clone for SharedFuture<T> {
    fn clone(&self) -> Self {
        let id = {
            let mut state = lock(&self.state);
            state.next_id += 1;
            state.next_id - 1
        };
        SharedFuture {
            state: Arc::clone(&self.state),
            id,
        }
    }
}

impl<T> Drop for SharedFuture<T> {
    /// A waiter that gives up (a timeout, a cancelled task) leaves no waker behind.
    fn drop(&mut self) {
        lock(&self.state).wakers.remove(&self.id);
    }
}
// ANCHOR_END: shared_future

// ANCHOR: errors
/// `asyncio.InvalidStateError`: the future already had a result. Holds the value refused.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidStateError<T>(pub T);

impl<T> fmt::Display for InvalidStateError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the future is already done")
    }
}

impl<T: fmt::Debug> std::error::Error for InvalidStateError<T> {}

/// `asyncio.CancelledError`: the setter was dropped without setting a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cancelled")
    }
}

impl std::error::Error for Cancelled {}
// ANCHOR_END: errors

// ANCHOR: waiters
/// Three tasks await clones of one future; `main` sets it after 2 s, then tries again.
pub async fn three_waiters(timeline: Timeline) {
    let (setter, fut) = create_future();
    let waiters = spawn_waiters(&fut, timeline);
    timeline.say("main: three waiters await one future");
    sleep(Duration::from_secs(2)).await;
    timeline.say("main: set_result(\"666\")");
    let _ = setter.set_result("666");
    join(waiters).await;
    if let Err(error) = setter.set_result("777") {
        timeline.say(format_args!(
            "main: set_result(\"{}\") again: {error}",
            error.0
        ));
    }
}

/// Three tasks await a future whose setter is dropped after 1 s without a result.
pub async fn setter_dropped(timeline: Timeline) {
    let (setter, fut) = create_future();
    let waiters = spawn_waiters(&fut, timeline);
    sleep(Duration::from_secs(1)).await;
    timeline.say("main: dropping the setter without a result");
    drop(setter);
    join(waiters).await;
}

/// Spawn three tasks, each awaiting its own clone of `fut` and saying what it got.
fn spawn_waiters(fut: &SharedFuture<&'static str>, timeline: Timeline) -> Vec<JoinHandle<()>> {
    (0..3)
        .map(|i| {
            let fut = fut.clone();
            tokio::spawn(async move {
                match fut.await {
                    Ok(data) => timeline.say(format_args!("waiter {i}: got {data}")),
                    Err(error) => timeline.say(format_args!("waiter {i}: {error}")),
                }
            })
        })
        .collect()
}

/// Wait until every waiter task has finished.
async fn join(waiters: Vec<JoinHandle<()>>) {
    for waiter in waiters {
        waiter.await.expect("a waiter does not panic");
    }
}
// ANCHOR_END: waiters

/// The tour section: many waiters, then setting twice, then a dropped setter.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        three_waiters(timeline).await;
        setter_dropped(timeline).await;
    });
}
