//! Chapter 4's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch04` (`--features attempt`).

use ch04_async_await::exercises::{fetch_total, gather_two, run, say_after};
use shared::FixtureServer;
use std::time::Duration;

#[test]
fn run_drives_a_future_to_completion_and_returns_its_output() {
    assert_eq!(run(async { 40 + 2 }), 42);
}

#[test]
fn run_gives_the_future_a_timer() {
    // A runtime built without its time driver panics at the first `sleep` ("timers are
    // disabled"). A zero-length sleep still goes through the driver, and takes no real time.
    let woke = run(async {
        tokio::time::sleep(Duration::ZERO).await;
        "woke up"
    });
    assert_eq!(woke, "woke up");
}

#[tokio::test]
async fn fetch_total_adds_up_every_body_and_fetches_them_at_once() {
    // A server with a real latency on a thread of its own: on tokio's paused clock, a virtual
    // latency can elapse while a request is still on its way through a real socket. "All ten
    // at once" holds if ten requests sent together reach the server within one latency.
    let server = FixtureServer::builder()
        .latency(Duration::from_secs(1))
        .start();
    let urls: Vec<String> = (0..10)
        .map(|i| server.url(&format!("/{i}?size={}", 100 * i)))
        .collect();
    let total = fetch_total(&reqwest::Client::new(), &urls).await.unwrap();
    assert_eq!(
        total,
        (0..10).map(|i| 100 * i).sum::<usize>(),
        "0 + 100 + … + 900 bytes"
    );
    assert_eq!(server.requests(), 10, "each URL once");
    assert_eq!(
        server.max_in_flight(),
        10,
        "all ten requests were in flight together (one after another would be 1)"
    );
}

#[tokio::test(start_paused = true)]
async fn fetch_total_reports_an_error_status() {
    let server = FixtureServer::spawn().await;
    let urls = vec![server.url("/fine"), server.url("/status/404")];
    let error = fetch_total(&reqwest::Client::new(), &urls)
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(reqwest::StatusCode::NOT_FOUND));
}

#[tokio::test(start_paused = true)]
async fn say_after_sleeps_then_returns_what_it_was_given() {
    let start = tokio::time::Instant::now();
    assert_eq!(say_after(Duration::from_secs(1), "hi").await, "hi");
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn gather_two_runs_both_at_once_and_keeps_their_order() {
    let start = tokio::time::Instant::now();
    assert_eq!(gather_two().await, ["world", "hello"]);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "the 2 s and the 1 s sleep overlap; one after the other is 3 s"
    );
}
