//! # Chapter 8 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch08`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch08 fetch_sizes`.
//! The statements, with the solutions folded away, are also in the book's chapter 8.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

// ANCHOR: fetch_sizes
/// Exercise `fetch_sizes`: translate this Python, which runs a blocking client in the loop's
/// default thread pool, to `reqwest::blocking` on tokio: download every URL without blocking
/// the runtime, all of them at the same time, and return the body sizes in the order of
/// `urls`. A URL answering with an error status is an error.
///
/// ```python
/// async def fetch_sizes(urls):
///     loop = asyncio.get_running_loop()
///
///     def size(url):  # blocking: urlopen raises HTTPError for an error status
///         with urlopen(url) as response:
///             return len(response.read())
///
///     return await asyncio.gather(*(loop.run_in_executor(None, size, url) for url in urls))
/// ```
///
/// The test serves every URL with a latency and checks that all requests were in flight at
/// once.
pub async fn fetch_sizes(urls: Vec<String>) -> Result<Vec<usize>, reqwest::Error> {
    todo!("exercise `fetch_sizes` is not written yet (ask for a hint: just hint ch08 fetch_sizes)")
}
// ANCHOR_END: fetch_sizes

// ANCHOR: sum_cooperatively
/// Exercise `sum_cooperatively`: add up `0..n` in a loop (no formula) and give the runtime its
/// thread back at least once every 10 000 numbers, so that other tasks on a single-threaded
/// runtime keep running during a long sum.
pub async fn sum_cooperatively(n: u64) -> u64 {
    todo!(
        "exercise `sum_cooperatively` is not written yet (ask for a hint: just hint ch08 sum_cooperatively)"
    )
}
// ANCHOR_END: sum_cooperatively
