//! # Chapter 4 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch04`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch04 run`.
//! The statements, with the solutions folded away, are also in the book's chapter 4.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

// ANCHOR: run
/// Exercise `run`: write `asyncio.run` yourself.
///
/// Build a tokio runtime, drive `future` to completion on the calling thread and return its
/// output. The future may sleep with `tokio::time::sleep`, so the runtime needs a timer.
pub fn run<F: std::future::Future>(future: F) -> F::Output {
    todo!("exercise `run` is not written yet (ask for a hint: just hint ch04 run)")
}
// ANCHOR_END: run

// ANCHOR: fetch_total
/// Exercise `fetch_total`: download every URL *at the same time* with `client` and return the
/// total number of body bytes. A URL answering with an error status is an error.
///
/// The test serves every URL with a 1 s latency and gives you ten of them: it passes only if
/// all ten requests are at the server at the same time.
pub async fn fetch_total(
    client: &reqwest::Client,
    urls: &[String],
) -> Result<usize, reqwest::Error> {
    todo!("exercise `fetch_total` is not written yet (ask for a hint: just hint ch04 fetch_total)")
}
// ANCHOR_END: fetch_total

// ANCHOR: gather
/// Exercise `gather`: translate this Python listing.
///
/// ```python
/// async def say_after(delay, what):
///     await asyncio.sleep(delay)
///     return what
///
/// async def main():
///     return await asyncio.gather(say_after(2, "world"), say_after(1, "hello"))
/// ```
///
/// `asyncio.run(main())` returns `['world', 'hello']` after 2 s, not 3: the two sleeps overlap.
/// `main` is `gather_two` here.
pub async fn say_after(delay: std::time::Duration, what: &'static str) -> &'static str {
    todo!("exercise `gather` is not written yet (ask for a hint: just hint ch04 gather)")
}

/// The listing's `main`: both calls at once, the results in the order given.
pub async fn gather_two() -> [&'static str; 2] {
    todo!("exercise `gather` is not written yet (ask for a hint: just hint ch04 gather)")
}
// ANCHOR_END: gather
