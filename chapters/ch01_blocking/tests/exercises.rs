//! Chapter 1's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch01` (`--features attempt`).

use ch01_blocking::exercises::{bounded_async, ideal_bound};
use shared::FixtureServer;
use std::time::Duration;

#[test]
fn ideal_bound_counts_rounds_of_workers() {
    let ms = Duration::from_millis;
    assert_eq!(ideal_bound(20, 4, ms(200)), Some(ms(1000)));
    assert_eq!(
        ideal_bound(21, 4, ms(200)),
        Some(ms(1200)),
        "a last, partial round"
    );
    assert_eq!(
        ideal_bound(3, 10, ms(200)),
        Some(ms(200)),
        "more workers than URLs"
    );
    assert_eq!(ideal_bound(0, 4, ms(200)), Some(ms(0)));
    assert_eq!(ideal_bound(5, 0, ms(200)), None, "no workers, no end");
}

#[tokio::test]
async fn bounded_async_never_exceeds_its_limit_and_keeps_the_order() {
    // A server with a real latency on a thread of its own: on tokio's paused clock, a virtual
    // latency can elapse while a request is still on its way through a real socket. "Three at
    // once" holds if three requests sent together reach the server within one latency.
    let server = FixtureServer::builder()
        .latency(Duration::from_secs(1))
        .start();
    let urls: Vec<String> = (1..=6)
        .map(|i| server.url(&format!("/{i}?size={i}")))
        .collect();
    let sizes = bounded_async(&reqwest::Client::new(), &urls, 3)
        .await
        .unwrap();
    assert_eq!(sizes, (1..=6).collect::<Vec<_>>());
    assert_eq!(server.requests(), 6, "each URL once");
    assert_eq!(
        server.max_in_flight(),
        3,
        "at most three at once, and three were used"
    );
}

#[tokio::test(start_paused = true)]
async fn bounded_async_reports_an_error_status() {
    let server = FixtureServer::spawn().await;
    let urls = vec![server.url("/ok"), server.url("/status/500")];
    let error = bounded_async(&reqwest::Client::new(), &urls, 2)
        .await
        .unwrap_err();
    assert_eq!(
        error.status(),
        Some(reqwest::StatusCode::INTERNAL_SERVER_ERROR)
    );
}
