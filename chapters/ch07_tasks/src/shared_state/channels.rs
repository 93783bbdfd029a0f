//! `asyncio.Queue` and the channels tokio has beside it.
//!
//! - `asyncio.Queue(maxsize=n)` → `tokio::sync::mpsc::channel(n)`: many producers, one
//!   consumer; `send(x).await` waits while the queue is full, as `await queue.put(x)` does, so a
//!   fast producer cannot run ahead of a slow consumer (backpressure). When every sender is
//!   dropped, `recv()` returns `None`: the queue's end needs no sentinel value. (Several
//!   consumers share the one receiver behind a `tokio::sync::Mutex`; see the exercise
//!   `worker_pool`.)
//! - `tokio::sync::watch`: one value, the latest wins. A slow reader skips the values it was
//!   too slow for and sees the newest: configuration, a progress figure, a shutdown flag.
//! - `tokio::sync::broadcast`: every subscriber gets every message, with a bounded buffer; a
//!   subscriber that falls behind by more than the buffer is told how many it missed
//!   (`RecvError::Lagged(n)`) rather than slowing everybody down. asyncio has no such
//!   primitive; one `Queue` per subscriber is the usual stand-in.

use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, mpsc, watch};
use tokio::time::{Instant, sleep};

// ANCHOR: queue
/// A producer puts `items` into a queue of `capacity` as fast as it can; a consumer takes one
/// every `slow`. Returns when each `put` completed: the first `capacity` at once, then one per
/// `slow`, paced by the consumer.
pub async fn bounded_queue(
    items: u64,
    capacity: usize,
    slow: Duration,
) -> (Vec<Duration>, Vec<u64>) {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel(capacity); // asyncio.Queue(maxsize=capacity)
    let producer = tokio::spawn(async move {
        let mut put_at = Vec::new();
        for item in 0..items {
            tx.send(item).await.expect("the consumer is alive"); // await queue.put(item)
            put_at.push(start.elapsed());
        }
        put_at // dropping `tx` here ends the consumer's loop
    });
    let mut got = Vec::new();
    while let Some(item) = rx.recv().await {
        // item = await queue.get()
        sleep(slow).await;
        got.push(item);
    }
    (producer.await.expect("the producer does not panic"), got)
}
// ANCHOR_END: queue

// ANCHOR: watch
/// A value updated every `every`, read by a reader `slow` times slower: it sees only some of
/// the values, always the newest, and the last one for sure.
pub async fn latest_value(updates: u64, every: Duration, slow: Duration) -> Vec<u64> {
    let (tx, mut rx) = watch::channel(0);
    tokio::spawn(async move {
        for value in 1..=updates {
            sleep(every).await;
            tx.send_replace(value);
        }
    });
    let mut seen = Vec::new();
    while rx.changed().await.is_ok() {
        seen.push(*rx.borrow_and_update());
        sleep(slow).await;
    }
    seen
}
// ANCHOR_END: watch

// ANCHOR: broadcast
/// Every subscriber gets every message, unless it falls more than `capacity` behind: then it
/// is told how many it missed. Returns what a prompt and a late subscriber each received.
pub async fn broadcast(messages: u64, capacity: usize) -> (Vec<String>, Vec<String>) {
    let (tx, mut prompt) = broadcast::channel(capacity);
    let mut late = tx.subscribe();
    let reader = tokio::spawn(async move {
        let mut got = Vec::new();
        while let Ok(message) = prompt.recv().await {
            got.push(format!("{message}"));
        }
        got
    });
    for message in 0..messages {
        tx.send(message).expect("a subscriber is alive");
        tokio::task::yield_now().await; // the prompt reader keeps up
    }
    drop(tx); // closes the channel: both readers end after the buffered messages
    let mut late_got = Vec::new();
    loop {
        match late.recv().await {
            Ok(message) => late_got.push(format!("{message}")),
            Err(RecvError::Lagged(missed)) => late_got.push(format!("missed {missed}")),
            Err(RecvError::Closed) => break,
        }
    }
    (reader.await.expect("the reader does not panic"), late_got)
}
// ANCHOR_END: broadcast
