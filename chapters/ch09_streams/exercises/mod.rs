//! # Chapter 9 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch09`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch09 countdown`.
//! The statements, with the solutions folded away, are also in the book's chapter 9.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use futures::stream::BoxStream;
use std::time::Duration;

// ANCHOR: countdown
/// Exercise `countdown`: translate this Python async generator to a stream.
///
/// ```python
/// async def countdown(start, every):
///     for n in range(start, 0, -1):
///         await asyncio.sleep(every)
///         yield n
/// ```
///
/// It yields `from`, `from - 1`, …, `1`, waiting `every` before each number, then ends.
/// `countdown(0, …)` ends at once, without waiting.
///
/// The test runs on a paused clock: `countdown(3, 1 s)` must give `[3, 2, 1]` and take
/// exactly 3 s.
pub fn countdown(from: u32, every: Duration) -> BoxStream<'static, u32> {
    todo!("exercise `countdown` is not written yet (ask for a hint: just hint ch09 countdown)")
}
// ANCHOR_END: countdown

// ANCHOR: fetch_in_order
/// Exercise `fetch_in_order`: download every URL with `client`, never more than `limit` at a
/// time, and return the body sizes *in the order of `urls`* (not in the order the responses
/// arrive). A URL answering with an error status is an error.
///
/// Keep `limit` requests going as long as there are URLs left: a slow first URL must not hold
/// the others back. The tests check the server's high-water mark (exactly `limit`) and that
/// every other URL is requested while a very slow first one is still being answered.
pub async fn fetch_in_order(
    client: &reqwest::Client,
    urls: &[String],
    limit: usize,
) -> Result<Vec<usize>, reqwest::Error> {
    todo!(
        "exercise `fetch_in_order` is not written yet (ask for a hint: just hint ch09 fetch_in_order)"
    )
}
// ANCHOR_END: fetch_in_order
