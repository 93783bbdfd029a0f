//! `buffer_unordered(n)` against the fixture server: never more than `n` requests in flight.

use ch09_streams::buffered_requests::{PAGE_BYTES, PAGES, fetch_all, page_urls};
use shared::{FixtureServer, Timeline};
use std::time::Duration;
use tokio::time::Instant;

async fn run(limit: usize) -> (Vec<String>, usize, Duration) {
    let server = FixtureServer::builder().size(PAGE_BYTES).spawn().await;
    let start = Instant::now();
    let pages = fetch_all(page_urls(&server), limit, Timeline::start()).await;
    let elapsed = start.elapsed();
    assert!(pages.iter().all(|(_, size)| *size == PAGE_BYTES));
    assert_eq!(server.requests(), PAGES.len(), "each page once");
    let paths = pages.into_iter().map(|(path, _)| path).collect();
    (paths, server.max_in_flight(), elapsed)
}

#[tokio::test(start_paused = true)]
async fn never_more_than_n_requests_in_flight_and_exactly_n_when_there_is_enough_work() {
    for limit in 1..=PAGES.len() {
        let (paths, max_in_flight, _) = run(limit).await;
        assert_eq!(paths.len(), PAGES.len());
        assert_eq!(max_in_flight, limit, "limit {limit}");
    }
}

#[tokio::test(start_paused = true)]
async fn one_at_a_time_is_sequential_and_in_order() {
    let (paths, _, elapsed) = run(1).await;
    let in_order: Vec<&str> = PAGES.iter().map(|(path, _)| *path).collect();
    assert_eq!(paths, in_order);
    assert_eq!(
        elapsed,
        PAGES.iter().map(|(_, delay)| *delay).sum::<Duration>()
    );
}

#[tokio::test(start_paused = true)]
async fn three_at_a_time_yields_each_page_as_it_finishes() {
    let (paths, _, elapsed) = run(3).await;
    let expected = [
        "/page/1", "/page/3", "/page/0", "/page/5", "/page/2", "/page/4",
    ];
    assert_eq!(paths, expected);
    assert_eq!(
        elapsed,
        Duration::from_millis(650),
        "page 4 starts at 0.25 s and takes 0.4 s"
    );
}

#[tokio::test(start_paused = true)]
async fn all_at_once_takes_as_long_as_the_slowest_page() {
    let (_, _, elapsed) = run(PAGES.len()).await;
    assert_eq!(elapsed, Duration::from_millis(500));
}
