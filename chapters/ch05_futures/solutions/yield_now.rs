use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: solution
/// Exercise `yield_now`: `Pending` once, after asking to be polled again; then `Ready`.
#[derive(Debug, Default)]
pub struct YieldNow {
    /// Whether the first poll has happened.
    pub yielded: bool,
}

impl Future for YieldNow {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.yielded {
            return Poll::Ready(());
        }
        self.yielded = true;
        // Nothing else will wake this task, so it wakes itself: back of the ready queue.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: solution
