//! Chapter 9's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch09` (`--features attempt`).

use ch09_streams::exercises::{countdown, fetch_in_order};
use futures::StreamExt;
use shared::FixtureServer;
use shared::fixture_server::body_for;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn countdown_counts_down_one_number_per_interval() {
    let start = Instant::now();
    let numbers: Vec<u32> = countdown(3, Duration::from_secs(1)).collect().await;
    assert_eq!(numbers, [3, 2, 1]);
    assert_eq!(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn countdown_waits_before_each_number() {
    let mut numbers = countdown(2, Duration::from_secs(1));
    let start = Instant::now();
    assert_eq!(numbers.next().await, Some(2));
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn countdown_from_zero_ends_at_once() {
    let start = Instant::now();
    assert_eq!(countdown(0, Duration::from_secs(1)).next().await, None);
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn fetch_in_order_keeps_the_order_and_the_limit() {
    let server = FixtureServer::spawn().await;
    // The first URL is the slowest: a limit-free or unordered solution shows it at once.
    let delays = [500, 100, 300, 100, 200, 100];
    let urls: Vec<String> = delays
        .iter()
        .enumerate()
        .map(|(i, delay)| server.url(&format!("/{i}?size={}&delay_ms={delay}", 10 * (i + 1))))
        .collect();
    let start = Instant::now();
    let sizes = fetch_in_order(&reqwest::Client::new(), &urls, 2)
        .await
        .unwrap();
    let expected: Vec<usize> = (0..6).map(|i| body_for("/x", 10 * (i + 1)).len()).collect();
    assert_eq!(sizes, expected, "sizes in the order of the URLs");
    assert_eq!(server.requests(), 6);
    assert_eq!(
        server.max_in_flight(),
        2,
        "never more than 2 at once, and 2 were used"
    );
    // Two lanes kept busy: 0 (0–500) | 1 (0–100), 2 (100–400), 3 (400–500), 4 (500–700);
    // 5 (500–600) runs in the first lane. `buffered(2)` would hold 1 back behind 0, and so
    // on: 1 s.
    assert_eq!(
        start.elapsed(),
        Duration::from_millis(700),
        "limit requests kept going"
    );
}

#[tokio::test(start_paused = true)]
async fn fetch_in_order_reports_an_error_status() {
    let server = FixtureServer::spawn().await;
    let urls = vec![server.url("/fine"), server.url("/status/500")];
    let error = fetch_in_order(&reqwest::Client::new(), &urls, 2)
        .await
        .unwrap_err();
    assert_eq!(
        error.status(),
        Some(reqwest::StatusCode::INTERNAL_SERVER_ERROR)
    );
}
