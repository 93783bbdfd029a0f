//! `buffer_unordered(n)` against the fixture server: never more than `n` requests in flight.
//!
//! What is checked is order and counts, never a duration: the pages come over real sockets,
//! and tokio's paused clock may jump ahead while a request is still on its way (it advances
//! whenever the runtime has nothing ready to run). Where the order depends on the delays, the
//! server runs on a thread of its own with real delays, far enough apart for a loaded machine.

use ch09_streams::buffered_requests::{PAGE_BYTES, PAGES, fetch_all, page_urls};
use shared::{FixtureServer, Timeline};

/// Fetch `urls` from `server` at most `limit` at a time: the paths in the order they arrived,
/// and the server's high-water mark.
async fn run(server: &FixtureServer, urls: Vec<String>, limit: usize) -> (Vec<String>, usize) {
    let pages = fetch_all(urls.clone(), limit, Timeline::start()).await;
    assert!(pages.iter().all(|(_, size)| *size == PAGE_BYTES));
    assert_eq!(server.requests(), urls.len(), "each page once");
    let paths = pages.into_iter().map(|(path, _)| path).collect();
    (paths, server.max_in_flight())
}

/// A server with real delays, on a thread of its own.
fn real_server() -> FixtureServer {
    FixtureServer::builder().size(PAGE_BYTES).start()
}

/// [`PAGES`] with every delay `times` as long.
fn slowed_page_urls(server: &FixtureServer, times: u32) -> Vec<String> {
    PAGES
        .iter()
        .map(|(path, delay)| {
            let delay = *delay * times;
            server.url(&format!("{path}?delay_ms={}", delay.as_millis()))
        })
        .collect()
}

#[tokio::test]
async fn never_more_than_n_requests_in_flight_and_exactly_n_when_there_is_enough_work() {
    // Six pages of 300 ms each: the n requests started together reach the server well within
    // one delay of each other. The six limits run side by side, each with its own server.
    let runs = (1..=6).map(|limit| async move {
        let server = real_server();
        let urls = (0..6)
            .map(|i| server.url(&format!("/page/{i}?delay_ms=300")))
            .collect();
        let (paths, max_in_flight) = run(&server, urls, limit).await;
        (limit, paths.len(), max_in_flight)
    });
    for (limit, pages, max_in_flight) in futures::future::join_all(runs).await {
        assert_eq!(pages, 6);
        assert_eq!(max_in_flight, limit, "limit {limit}");
    }
}

#[tokio::test(start_paused = true)]
async fn one_at_a_time_is_sequential_and_in_order() {
    let server = FixtureServer::builder().size(PAGE_BYTES).spawn().await;
    let (paths, max_in_flight) = run(&server, page_urls(&server), 1).await;
    let in_order: Vec<&str> = PAGES.iter().map(|(path, _)| *path).collect();
    assert_eq!(paths, in_order);
    assert_eq!(max_in_flight, 1);
}

#[tokio::test]
async fn three_at_a_time_yields_each_page_as_it_finishes() {
    // The listing's delays × 4, so that no two pages finish within 200 ms of each other:
    // 1 at 0.4 s, 3 at 1.0 s (started at 0.4 s), 0 at 1.2 s, 5 at 1.6 s (started at 1.2 s),
    // 2 at 2.0 s, 4 at 2.6 s (started at 1.0 s).
    let server = real_server();
    let (paths, _) = run(&server, slowed_page_urls(&server, 4), 3).await;
    let expected = [
        "/page/1", "/page/3", "/page/0", "/page/5", "/page/2", "/page/4",
    ];
    assert_eq!(paths, expected);
}

#[tokio::test]
async fn all_at_once_yields_the_pages_by_their_delays() {
    // × 4 again: 1 and 5 both take 0.4 s, so only their places among the others are certain.
    let server = real_server();
    let (paths, max_in_flight) = run(&server, slowed_page_urls(&server, 4), PAGES.len()).await;
    assert_eq!(max_in_flight, PAGES.len());
    let mut fast: Vec<&str> = paths[..2].iter().map(String::as_str).collect();
    fast.sort_unstable();
    assert_eq!(fast, ["/page/1", "/page/5"]);
    assert_eq!(paths[2..], ["/page/3", "/page/0", "/page/4", "/page/2"]);
}
