//! Stream combinators: `map`, `filter`, `take`, `chunks`.
//!
//! Python spells these as async comprehensions and hand-written async generators
//! (`[n * n async for n in lines() if n % 2]`); Rust streams have them as methods, exactly like
//! iterators. Two traits provide them, `futures::StreamExt` and `tokio_stream::StreamExt`, with
//! some methods in both (`map`, `filter`, `take`, `next`) and some in one only. Import one of
//! them per module to avoid ambiguous calls; this module uses the `futures` one, whose `filter`
//! takes an *async* predicate (a closure returning a future; `future::ready` when nothing needs
//! awaiting).
//!
//! Streams are lazy and pulled, like iterators: a combinator asks its source for an item only
//! when it is asked for one. `take(4)` stops asking after four items, so the counter underneath
//! counts to 7 and never further; the timeline shows it.

use crate::counter_stream::{LINE_PAUSE, ReadLines};
use futures::StreamExt;
use futures::future;
use shared::Timeline;

// ANCHOR: odd_squares
/// The squares of the first `n` odd lines.
pub async fn odd_squares(lines: ReadLines, n: usize) -> Vec<u32> {
    lines
        .filter(|line| future::ready(line % 2 == 1))
        .map(|line| line * line)
        .take(n)
        .collect()
        .await
}
// ANCHOR_END: odd_squares

// ANCHOR: chunks
/// All the lines, in batches of `size` (the last one may be shorter).
pub async fn batches(lines: ReadLines, size: usize) -> Vec<Vec<u32>> {
    lines.chunks(size).collect().await
}
// ANCHOR_END: chunks

/// The tour section.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        let squares = odd_squares(ReadLines::new(LINE_PAUSE), 4).await;
        timeline.say(format_args!("first 4 odd squares: {squares:?}"));

        let timeline = Timeline::start();
        let batches = batches(ReadLines::new(LINE_PAUSE), 10).await;
        let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
        timeline.say(format_args!("{} batches of sizes {sizes:?}", batches.len()));
        if let Some(last) = batches.last() {
            timeline.say(format_args!("the last batch: {last:?}"));
        }
    });
}
