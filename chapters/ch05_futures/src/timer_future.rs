//! 三.5.5.1 asyncio.Future, underneath: the [`Future`] trait, written by hand for a timer.
//!
//! The article says that a `Task` is built on `Future` and that `await` is "handled through"
//! futures. In Rust that layer is one trait with one method:
//!
//! ```text
//! fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output>
//! ```
//!
//! A runtime calls `poll`. The future either finishes (`Poll::Ready(value)`) or says "not yet"
//! (`Poll::Pending`) — and then it must have arranged for `cx.waker()` to be called when it can
//! make progress, because the runtime will not poll it again until then. There is no busy
//! polling: a future that returns `Pending` without keeping the waker is never polled again.
//!
//! [`TimerFuture`] is the smallest honest example: a background thread sleeps, then calls the
//! stored waker. (That is what the Async Book does, to keep the example free of any runtime.
//! A real runtime does not spend a thread per timer: tokio keeps every deadline in one timer
//! wheel, and its driver wakes the expired ones when the event loop would otherwise sleep in
//! `epoll_wait`.)

use shared::outln;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

// ANCHOR: timer_future
/// A future that is ready `duration` after it is first polled.
///
/// Like every Rust future it is lazy: creating it does nothing, and the clock starts at the
/// first `poll` (this is where it differs from the Async Book's version, which starts its
/// thread in `new`).
#[derive(Debug)]
pub struct TimerFuture {
    duration: Duration,
    /// Shared with the timer thread once it runs; `None` before the first poll.
    shared: Option<Arc<Mutex<Shared>>>,
}

/// What the future and its timer thread both see.
#[derive(Debug)]
struct Shared {
    /// Set by the thread when the time is up.
    fired: bool,
    /// The waker of the task that polled last: the one to wake.
    waker: Waker,
}

impl TimerFuture {
    /// A timer of `duration`, not started yet.
    pub fn new(duration: Duration) -> Self {
        TimerFuture {
            duration,
            shared: None,
        }
    }
}

impl Future for TimerFuture {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let Some(shared) = &self.shared else {
            // First poll: start the timer, handing it the waker, and say "not yet".
            let shared = Arc::new(Mutex::new(Shared {
                fired: false,
                waker: cx.waker().clone(),
            }));
            let for_thread = Arc::clone(&shared);
            let duration = self.duration;
            std::thread::spawn(move || {
                std::thread::sleep(duration);
                let waker = {
                    let mut shared = for_thread.lock().unwrap_or_else(|p| p.into_inner());
                    shared.fired = true;
                    shared.waker.clone()
                }; // unlocked: waking may lead straight to a poll, which locks again
                // "Poll me again": the runtime puts the task back in its ready queue.
                waker.wake();
            });
            self.shared = Some(shared);
            return Poll::Pending;
        };
        let mut shared = shared.lock().unwrap_or_else(|p| p.into_inner());
        if shared.fired {
            return Poll::Ready(());
        }
        // Polled again before the time is up. The rule for every future: wake the waker of
        // the latest poll, since the future may have moved to another task in between.
        // (`will_wake` is a cheap check that spares the clone when it is the same task.)
        if !shared.waker.will_wake(cx.waker()) {
            shared.waker = cx.waker().clone();
        }
        Poll::Pending
    }
}
// ANCHOR_END: timer_future

/// The tour section: await a 100 ms [`TimerFuture`] on tokio, printing each poll.
///
/// The timer thread sleeps for real, so the runtime here is a plain one (the virtual clock
/// only knows tokio's timers) and the section is measured.
pub fn show() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime without drivers needs nothing from the OS");
    // ANCHOR: trace
    let mut timer = TimerFuture::new(Duration::from_millis(100));
    let start = Instant::now();
    let mut polls = 0;
    // `poll_fn` turns a closure into a future: here, one that polls the timer and reports.
    let traced = std::future::poll_fn(|cx| {
        polls += 1;
        // `Pin::new` needs `TimerFuture: Unpin`; see the section on pinning.
        let poll = Pin::new(&mut timer).poll(cx);
        let ms = start.elapsed().as_millis();
        outln!("poll #{polls} after {ms} ms -> {poll:?}");
        poll
    });
    runtime.block_on(traced);
    outln!("polled {polls} times: tokio polls again only when the waker is called");
    // ANCHOR_END: trace
}
