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
