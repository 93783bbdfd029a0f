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

#[tokio::test]
async fn fetch_in_order_keeps_the_order_and_the_limit() {
    // Real delays on a server of its own (on tokio's paused clock a virtual delay can run out
    // while a request is still in a real socket). The first URL is the slowest: an answer in
    // arrival order shows it at once.
    let server = FixtureServer::builder().start();
    let delays = [500, 100, 300, 100, 200, 100];
    let urls: Vec<String> = delays
        .iter()
        .enumerate()
        .map(|(i, delay)| server.url(&format!("/{i}?size={}&delay_ms={delay}", 10 * (i + 1))))
        .collect();
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
}

#[tokio::test]
async fn fetch_in_order_keeps_limit_requests_going_behind_a_slow_one() {
    // The first URL takes a minute, the others no time. With two lanes, the second lane must
    // fetch all five others while the first waits. `buffered(2)` holds a finished response
    // behind the slow one, and its slot with it: it stops at two requests.
    let server = FixtureServer::builder().start();
    let urls: Vec<String> = (0..6)
        .map(|i| {
            let delay = if i == 0 { 60_000 } else { 0 };
            server.url(&format!("/{i}?delay_ms={delay}"))
        })
        .collect();
    let client = reqwest::Client::new();
    // Five instant requests take milliseconds; the slow one, a minute.
    let all_requested = tokio::select! {
        _ = fetch_in_order(&client, &urls, 2) => false,
        all = async {
            while server.requests() < 6 {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            true
        } => all,
        () = tokio::time::sleep(Duration::from_secs(20)) => false,
    };
    assert!(
        all_requested,
        "only {} of 6 requests were sent while the first was still being answered",
        server.requests()
    );
    assert_eq!(server.max_in_flight(), 2, "and never more than 2 at once");
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
