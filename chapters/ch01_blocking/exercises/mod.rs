//! # Chapter 1 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch01`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch01 NAME`.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

// ANCHOR: ideal_bound
/// Exercise `ideal_bound`: the best wall time a pool of `workers` threads can reach for `urls`
/// requests when each takes `latency` (the threads run in rounds of at most `workers`).
/// A pool of zero workers never finishes: return `None`.
pub fn ideal_bound(
    urls: usize,
    workers: usize,
    latency: std::time::Duration,
) -> Option<std::time::Duration> {
    todo!("exercise `ideal_bound` is not written yet (ask for a hint: just hint ch01 ideal_bound)")
}
// ANCHOR_END: ideal_bound

// ANCHOR: bounded_async
/// Exercise `bounded_async`: translate this Python (aiohttp) to reqwest and tokio: fetch every
/// URL at once, but never more than `limit` requests at a time (a pool's bound, without the
/// threads), and return the body sizes in the URLs' order. `limit` is at least 1.
///
/// ```python
/// async def sizes(session, urls, limit):
///     semaphore = asyncio.Semaphore(limit)
///
///     async def size(url):
///         async with semaphore:
///             async with session.get(url) as response:
///                 response.raise_for_status()
///                 return len(await response.read())
///
///     return await asyncio.gather(*(size(url) for url in urls))
/// ```
pub async fn bounded_async(
    client: &reqwest::Client,
    urls: &[String],
    limit: usize,
) -> Result<Vec<usize>, reqwest::Error> {
    todo!(
        "exercise `bounded_async` is not written yet (ask for a hint: just hint ch01 bounded_async)"
    )
}
// ANCHOR_END: bounded_async
