//! Chapter 8's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch08` (`--features attempt`).

mod common;

use ch08_bridging::exercises::{fetch_sizes, sum_cooperatively};
use common::TurnCounter;
use shared::FixtureServer;
use std::time::Duration;

#[tokio::test]
async fn fetch_sizes_downloads_every_url_at_once_and_keeps_the_order() {
    // Blocking downloads run in real time. "All five in flight" holds if the five threads send
    // within one latency of each other: starting a thread and a blocking client takes
    // milliseconds, so 3 s leaves room for a loaded machine. One at a time gives 1.
    let server = FixtureServer::builder()
        .latency(Duration::from_secs(3))
        .start();
    let urls: Vec<String> = (0..5)
        .map(|i| server.url(&format!("/{i}?size={}", 100 * i)))
        .collect();
    let sizes = fetch_sizes(urls).await.unwrap();
    assert_eq!(sizes, [0, 100, 200, 300, 400]);
    assert_eq!(
        server.max_in_flight(),
        5,
        "all five requests were in flight together"
    );
}

#[tokio::test]
async fn fetch_sizes_reports_an_error_status() {
    let server = FixtureServer::builder().latency(Duration::ZERO).start();
    let urls = vec![server.url("/fine"), server.url("/status/404")];
    let error = fetch_sizes(urls).await.unwrap_err();
    assert_eq!(error.status(), Some(reqwest::StatusCode::NOT_FOUND));
}

#[tokio::test]
async fn sum_cooperatively_adds_up_and_lets_other_tasks_run_meanwhile() {
    // The other task can only get the thread when the sum yields.
    let other = TurnCounter::spawn();
    assert_eq!(sum_cooperatively(1_000_000).await, 499_999_500_000);
    let turns = other.turns();
    assert!(
        turns >= 100,
        "once every 10 000 numbers is at least 100 turns for the other task in 1 000 000; it had {turns}"
    );
}
