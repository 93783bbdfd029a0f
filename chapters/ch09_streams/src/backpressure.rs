//! A channel as a stream, and back-pressure: a slow consumer slows the producer down.
//!
//! A producer task sends items into a *bounded* `tokio::sync::mpsc` channel, and the consumer
//! reads them as a stream through [`ReceiverStream`] (Python: an `asyncio.Queue(maxsize=…)`
//! with `await queue.put(item)` on one side and `await queue.get()` on the other). When the
//! channel is full, `send(item).await` waits until the consumer takes something out. So the
//! producer can never run more than `capacity` items ahead, whatever its own speed: memory stays
//! bounded, and the producer is paced by the consumer. That is back-pressure.
//!
//! An *unbounded* channel (or `asyncio.Queue()` with no maxsize) has none: the producer runs
//! to the end at once and every item waits in memory. When the producer drops its sender, the
//! stream ends after the last buffered item: the channel's own `StopAsyncIteration`.

use futures::StreamExt;
use shared::Timeline;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;
use tokio_stream::wrappers::ReceiverStream;

/// When each side finished, measured on the listing's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finish {
    /// When the producer had sent its last item.
    pub producer: Duration,
    /// When the consumer saw the end of the stream.
    pub consumer: Duration,
}

// ANCHOR: backpressure
/// Send `items` as fast as possible through a channel of `capacity`, and consume them at one per
/// `work` each. Prints every step and returns when each side finished.
pub async fn pipeline(items: u32, capacity: usize, work: Duration, timeline: Timeline) -> Finish {
    let (tx, rx) = mpsc::channel(capacity);
    let producer = tokio::spawn(async move {
        for item in 1..=items {
            // Waits here whenever `capacity` items are already waiting in the channel.
            if tx.send(item).await.is_err() {
                break; // the consumer is gone: nobody to produce for
            }
            timeline.say(format_args!("sent {item}"));
        }
        timeline.say("producer done");
        timeline.elapsed() // `tx` is dropped here: the stream ends after the last item
    });

    let mut stream = ReceiverStream::new(rx); // `async for item in channel`
    while let Some(item) = stream.next().await {
        timeline.say(format_args!("got {item}"));
        sleep(work).await; // the slow part
    }
    timeline.say("consumer done");
    let consumer = timeline.elapsed();
    let producer = producer.await.expect("the producer does not panic");
    Finish { producer, consumer }
}
// ANCHOR_END: backpressure

/// The tour section: six items, room for two, one second of work each.
pub fn show() {
    shared::runtime::block_on(async {
        pipeline(6, 2, Duration::from_secs(1), Timeline::start()).await;
    });
}
