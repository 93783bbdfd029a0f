//! Timers: the loop's heap of deadlines, and the [`sleep`] future that uses it.
//!
//! `asyncio.sleep(2)` does not start a thread or a countdown. It asks the loop to call it back
//! in 2 s (`loop.call_later`), and the loop keeps those requests in a heap ordered by deadline
//! (`loop._scheduled`). Each turn the loop wakes what is due, and when nothing is ready it
//! sleeps exactly until the earliest deadline. `Timers` is that heap, and [`Sleep`] is the
//! future that registers its deadline and its task's waker in it.
//!
//! A cancelled sleep (a `Sleep` dropped before its deadline, for example by a timeout) only
//! forgets its waker; its entry stays in the heap and is skipped when it comes up. asyncio
//! cancels timer handles the same lazy way.

use crate::executor::{Core, with_current};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// A timer's number, so that a [`Sleep`] can find (and cancel) its entry.
type TimerId = u64;

// ANCHOR: timers
/// The loop's timers: a min-heap of `(deadline, id)`, and the waker to call for each id.
#[derive(Default)]
pub(crate) struct Timers {
    heap: BinaryHeap<Reverse<(Instant, TimerId)>>,
    wakers: HashMap<TimerId, Waker>,
    next_id: TimerId,
}

impl Timers {
    fn add(&mut self, deadline: Instant, waker: Waker) -> TimerId {
        let id = self.next_id;
        self.next_id += 1;
        self.heap.push(Reverse((deadline, id)));
        self.wakers.insert(id, waker);
        id
    }

    /// Remove the timers due at `now`, returning their wakers and the next deadline after them.
    pub(crate) fn take_due(&mut self, now: Instant) -> (Vec<Waker>, Option<Instant>) {
        let mut due = Vec::new();
        while let Some(&Reverse((deadline, id))) = self.heap.peek() {
            let cancelled = !self.wakers.contains_key(&id);
            if deadline > now && !cancelled {
                return (due, Some(deadline));
            }
            self.heap.pop();
            due.extend(self.wakers.remove(&id));
        }
        (due, None)
    }
}
// ANCHOR_END: timers

/// The future of [`sleep`].
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Sleep {
    duration: Duration,
    /// Set at the first poll, like a coroutine that starts counting when it is first awaited.
    deadline: Option<Instant>,
    /// Its entry in the loop's timers, once registered.
    timer: Option<(TimerId, Weak<Core>)>,
}

/// Wait `duration` without blocking the thread: `asyncio.sleep`, on this chapter's executor.
///
/// The time starts at the first poll. Polling it outside an [`Executor`](crate::Executor)
/// panics: it needs that loop's timers.
pub fn sleep(duration: Duration) -> Sleep {
    Sleep {
        duration,
        deadline: None,
        timer: None,
    }
}

/// The time on the clock of the executor running this code (a virtual one runs ahead of the
/// real one by the sleeps it skipped).
///
/// # Panics
/// If called outside a task of an [`Executor`](crate::Executor).
pub fn now() -> Instant {
    with_current("ch06_event_loop::now", |core| core.now())
}

// ANCHOR: sleep
impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut(); // `Sleep` is `Unpin`: it holds no self-references
        with_current("polling ch06_event_loop::Sleep", |core| {
            let now = core.now();
            let deadline = *this.deadline.get_or_insert(now + this.duration);
            let mut timers = core.timers.borrow_mut();
            if now >= deadline {
                if let Some((id, _)) = this.timer.take() {
                    timers.wakers.remove(&id); // woken for another reason: the timer is not needed
                }
                return Poll::Ready(());
            }
            match &this.timer {
                // Polled again before the deadline (say, by a `select`): keep the newest waker.
                Some((id, _)) => {
                    timers.wakers.insert(*id, cx.waker().clone());
                }
                None => {
                    let id = timers.add(deadline, cx.waker().clone());
                    this.timer = Some((id, Rc::downgrade(core)));
                }
            }
            Poll::Pending
        })
    }
}
// ANCHOR_END: sleep

impl Drop for Sleep {
    /// Cancel the timer: a dropped sleep must not wake its task later.
    fn drop(&mut self) {
        // If the executor is gone, so are its timers.
        if let Some((id, core)) = self.timer.take()
            && let Some(core) = core.upgrade()
        {
            core.timers.borrow_mut().wakers.remove(&id);
        }
    }
}
