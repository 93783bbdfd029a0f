//! Run the strategies against one fixture server and print how each did.
//!
//! The *ideal bound* is what a strategy could do at best with the server's latency: the number
//! of round trips it must wait for one after another, times the latency. Serial: N trips; a pool
//! of P threads: ceil(N / P); everything that has all requests in flight at once: one.

use crate::crawl::Fetched;
use crate::strategies::Strategy;
use shared::UrlError;
use shared::fixture_server::body_for;
use shared::{FixtureServer, outln};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// The body size of every page in the comparison.
pub const PAGE_BYTES: usize = 16 * 1024;

/// How one strategy did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Which strategy.
    pub strategy: Strategy,
    /// Wall time of the whole crawl.
    pub wall: Duration,
    /// The best it could do: sequential round trips × latency.
    pub ideal: Duration,
    /// Distinct OS threads that waited for responses (0 when other processes did).
    pub threads: usize,
    /// Child processes started.
    pub processes: usize,
    /// The most requests the server saw in flight at once.
    pub max_in_flight: usize,
}

/// The URLs of a crawl of `n` pages on `server`.
pub fn urls(server: &FixtureServer, n: usize) -> Vec<String> {
    (0..n).map(|i| server.url(&format!("/page/{i}"))).collect()
}

/// Sequential round trips a strategy needs for `n` URLs.
pub fn round_trips(strategy: Strategy, n: usize) -> usize {
    match strategy {
        Strategy::Serial => n,
        Strategy::ThreadPool(workers) => n.div_ceil(workers.max(1)),
        Strategy::ThreadPerUrl | Strategy::AsyncTasks | Strategy::ProcessPerJob => 1.min(n),
    }
}

/// Check that `pages` are exactly the bodies the server serves for `urls`, in order, once each.
pub fn verify(urls: &[String], pages: &[Fetched], size: usize) -> Result<(), UrlError> {
    if pages.len() != urls.len() {
        return Err(UrlError::new(
            "(crawl)",
            format!("{} pages for {} URLs", pages.len(), urls.len()),
        ));
    }
    for (url, page) in urls.iter().zip(pages) {
        if page.url != *url || page.body != body_for(path_of(url), size) {
            return Err(UrlError::new(url, "the body is not what the server sent"));
        }
    }
    Ok(())
}

/// `http://127.0.0.1:PORT/page/3` → `/page/3`: the path the server made the body from.
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/", |slash| &rest[slash..])
}

/// Crawl `n` URLs from `server` with `strategy`, check the bodies, and measure.
pub fn run(
    strategy: Strategy,
    server: &FixtureServer,
    n: usize,
    latency: Duration,
) -> Result<Outcome, UrlError> {
    let urls = urls(server, n);
    server.reset();
    let start = Instant::now();
    let pages = strategy.crawl(&urls)?;
    let wall = start.elapsed();
    verify(&urls, &pages, PAGE_BYTES)?;
    let threads: HashSet<_> = pages.iter().filter_map(|p| p.thread).collect();
    Ok(Outcome {
        strategy,
        wall,
        ideal: latency * round_trips(strategy, n) as u32,
        threads: threads.len(),
        processes: pages.iter().filter(|p| p.thread.is_none()).count(),
        max_in_flight: server.max_in_flight(),
    })
}

// ANCHOR: compare
/// The five-way comparison: same URLs, same server, one strategy after another.
pub fn compare(n: usize, latency: Duration, pool: usize) -> Result<Vec<Outcome>, UrlError> {
    let server = FixtureServer::builder()
        .latency(latency)
        .size(PAGE_BYTES)
        .start();
    Strategy::all(pool)
        .into_iter()
        .map(|strategy| run(strategy, &server, n, latency))
        .collect()
}
// ANCHOR_END: compare

/// Print the comparison as a table.
pub fn print_table(n: usize, latency: Duration, outcomes: &[Outcome]) {
    outln!(
        "{n} URLs, {} ms each, every body checked byte for byte",
        latency.as_millis()
    );
    outln!(
        "{:<24} {:>8} {:>8} {:>7} {:>10} {:>14}",
        "strategy",
        "wall",
        "ideal",
        "ratio",
        "in flight",
        "used"
    );
    for o in outcomes {
        let used = match (o.processes, o.threads) {
            (0, 1) => "1 thread".to_owned(),
            (0, threads) => format!("{threads} threads"),
            (processes, _) => format!("{processes} processes"),
        };
        outln!(
            "{:<24} {:>7.2}s {:>7.2}s {:>6.2}× {:>10} {:>14}",
            o.strategy.to_string(),
            o.wall.as_secs_f64(),
            o.ideal.as_secs_f64(),
            o.wall.as_secs_f64() / o.ideal.as_secs_f64(),
            o.max_in_flight,
            used
        );
    }
}
