use futures::StreamExt;
use futures::stream::{self, BoxStream};
use std::time::Duration;

// ANCHOR: solution
/// Exercise `countdown`: `from`, …, 1, one every `every`, with `unfold`.
pub fn countdown(from: u32, every: Duration) -> BoxStream<'static, u32> {
    stream::unfold(from, move |n| async move {
        if n == 0 {
            return None; // lift-off: the stream ends, and nobody waits for it
        }
        tokio::time::sleep(every).await;
        Some((n, n - 1))
    })
    .boxed()
}
// ANCHOR_END: solution
