use std::future::poll_fn;
use std::task::Poll;

// ANCHOR: solution
/// Exercise `yield_now`: hand control back to the loop once.
pub async fn yield_now() {
    let mut yielded = false;
    poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref(); // back into the ready queue, behind the others
        Poll::Pending
    })
    .await;
}
// ANCHOR_END: solution
