//! Every strategy fetches every URL exactly once with the right bytes; the concurrent ones have
//! all their requests in flight at once; threads really are threads.
//!
//! Concurrency is read from the fixture server's high-water mark, never from a stopwatch. The
//! one assumption: a strategy's threads all send within one latency of each other. Starting a
//! thread takes microseconds, but on a loaded two-core machine a thread can wait a long time for
//! a core, so the checks of concurrency use a whole second ([`LONG`]); the serial crawl, whose
//! one-at-a-time is certain whatever the timing, uses a short one.

use ch01_blocking::report::{self, PAGE_BYTES};
use ch01_blocking::strategies::Strategy;
use shared::FixtureServer;
use std::time::Duration;

const N: usize = 8;
/// The latency where nothing depends on timing.
const SHORT: Duration = Duration::from_millis(20);
/// The latency under a claim of "all in flight at once".
const LONG: Duration = Duration::from_secs(1);

fn server(latency: Duration) -> FixtureServer {
    FixtureServer::builder()
        .latency(latency)
        .size(PAGE_BYTES)
        .start()
}

/// Run `strategy`, check bodies and per-URL hit counts, and return the outcome.
fn crawl(strategy: Strategy, latency: Duration) -> report::Outcome {
    let server = server(latency);
    let outcome = report::run(strategy, &server, N, latency).unwrap();
    let hits = server.hits();
    assert_eq!(hits.len(), N, "{strategy}: every URL requested");
    assert!(
        hits.values().all(|&n| n == 1),
        "{strategy}: each URL once: {hits:?}"
    );
    outcome
}

#[test]
fn serial_uses_one_thread_one_request_at_a_time() {
    let outcome = crawl(Strategy::Serial, SHORT);
    assert_eq!((outcome.threads, outcome.max_in_flight), (1, 1));
}

#[test]
fn thread_per_url_uses_n_threads_all_in_flight() {
    let outcome = crawl(Strategy::ThreadPerUrl, LONG);
    assert_eq!((outcome.threads, outcome.max_in_flight), (N, N));
}

#[test]
fn a_pool_of_three_uses_three_threads_and_never_more_in_flight() {
    let outcome = crawl(Strategy::ThreadPool(3), LONG);
    assert_eq!(
        (outcome.threads, outcome.max_in_flight),
        (3, 3),
        "8 URLs over 3 workers: every worker busy, never a fourth request at once"
    );
}

#[test]
fn async_tasks_have_every_request_in_flight_on_one_thread() {
    let outcome = crawl(Strategy::AsyncTasks, LONG);
    assert_eq!(
        outcome.threads, 1,
        "all responses awaited on the same OS thread"
    );
    assert_eq!(outcome.max_in_flight, N, "all requests in flight at once");
}

#[test]
fn verify_rejects_wrong_bytes() {
    let server = server(SHORT);
    let urls = report::urls(&server, 2);
    let mut pages = Strategy::Serial.crawl(&urls).unwrap();
    assert!(report::verify(&urls, &pages, PAGE_BYTES).is_ok());
    pages[1].body[0] ^= 1;
    let error = report::verify(&urls, &pages, PAGE_BYTES).unwrap_err();
    assert_eq!(error.url, urls[1]);
}

#[test]
fn a_server_error_is_reported_with_its_url_by_every_in_process_strategy() {
    let server = server(SHORT);
    let urls = vec![server.url("/page/0"), server.url("/status/503")];
    for strategy in [
        Strategy::Serial,
        Strategy::ThreadPerUrl,
        Strategy::ThreadPool(2),
        Strategy::AsyncTasks,
    ] {
        let error = strategy.crawl(&urls).unwrap_err();
        assert_eq!(error.url, urls[1], "{strategy}");
        assert!(error.reason.contains("503"), "{strategy}: {}", error.reason);
    }
}
