use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

// ANCHOR: solution
/// Exercise `timeout`: the first of `future` and a `sleep(duration)` to finish wins.
pub async fn timeout<F: Future>(duration: Duration, future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut limit = pin!(crate::sleep(duration));
    poll_fn(|cx| {
        if let Poll::Ready(output) = future.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        limit.as_mut().poll(cx).map(|()| None)
    })
    .await
    // `future` is dropped here whether it finished or not: a timed-out future is cancelled.
}
// ANCHOR_END: solution
