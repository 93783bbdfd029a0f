//! Errors across tasks, against the real local fixture server (no latency, so no real waiting),
//! and `ensure_future` on tokio's paused clock.

use ch07_tasks::ensure_future;
use ch07_tasks::error_handling::{FetchError, fetch_size, size_or_zero, sizes_report, total_size};
use shared::FixtureServer;
use std::time::Duration;

fn server() -> FixtureServer {
    FixtureServer::builder()
        .latency(Duration::ZERO)
        .size(100)
        .start()
}

#[tokio::test]
async fn a_failed_await_is_a_value_to_match_on() {
    let server = server();
    let client = reqwest::Client::new();
    assert_eq!(fetch_size(&client, &server.url("/a")).await.unwrap(), 100);
    let missing = fetch_size(&client, &server.url("/status/404")).await;
    assert!(
        matches!(missing, Err(FetchError::NotFound { .. })),
        "{missing:?}"
    );
    let broken = fetch_size(&client, &server.url("/status/503"))
        .await
        .unwrap_err();
    assert_eq!(
        broken.to_string(),
        format!(
            "{}: server answered 503 Service Unavailable",
            server.url("/status/503")
        )
    );
}

#[tokio::test]
async fn except_handles_one_kind_and_lets_the_others_through() {
    let server = server();
    let client = reqwest::Client::new();
    assert_eq!(
        size_or_zero(&client, &server.url("/status/404"))
            .await
            .unwrap(),
        0
    );
    let other = size_or_zero(&client, &server.url("/status/500")).await;
    assert!(matches!(other, Err(FetchError::Status { .. })), "{other:?}");
}

#[tokio::test]
async fn a_transport_error_converts_through_question_mark() {
    let url = {
        let server = server();
        server.url("/a")
    }; // the server is gone: connection refused
    let client = reqwest::Client::new();
    let error = fetch_size(&client, &url).await.unwrap_err();
    assert!(matches!(error, FetchError::Transport(_)), "{error:?}");
    assert!(
        std::error::Error::source(&error).is_some(),
        "the cause is kept"
    );
}

#[tokio::test]
async fn join_set_gives_the_total_or_the_first_error_and_cancels_the_rest() {
    let server = server();
    let client = reqwest::Client::new();
    let urls: Vec<String> = ["/a", "/b", "/c"].iter().map(|p| server.url(p)).collect();
    assert_eq!(total_size(&client, &urls).await.unwrap(), 300);

    // One request would take a minute; the 404 ends the whole call long before that.
    let urls = vec![
        server.url("/slow?delay_ms=60000"),
        server.url("/status/404"),
    ];
    let outcome = tokio::time::timeout(Duration::from_secs(30), total_size(&client, &urls))
        .await
        .expect("the first error returned without waiting for the slow request");
    assert!(
        matches!(outcome, Err(FetchError::NotFound { .. })),
        "{outcome:?}"
    );
    drop(client);
    // The aborted task dropped its request: the server sees its connection close.
    let open = tokio::task::spawn_blocking(move || {
        server.wait_for_open_connections(0, Duration::from_secs(10))
    })
    .await
    .unwrap();
    assert_eq!(open, 0, "the slow request was cancelled, not left running");
}

#[tokio::test]
async fn anyhow_keeps_the_context_and_the_cause() {
    let server = server();
    let client = reqwest::Client::new();
    let good = [server.url("/a")];
    assert_eq!(
        sizes_report(&client, &good).await.unwrap(),
        format!("{}: 100 bytes", good[0])
    );
    let bad = [server.url("/a"), server.url("/status/404")];
    let error = sizes_report(&client, &bad).await.unwrap_err();
    assert_eq!(
        format!("{error:#}"),
        format!("while reporting sizes, at {0}: {0}: not found", bad[1])
    );
    assert!(
        error.downcast_ref::<FetchError>().is_some(),
        "the library error is still there"
    );
}

#[test]
fn ensure_future_is_spawn_and_the_tasks_overlap() {
    let (results, text) = shared::runtime::run_paused(async {
        ensure_future::article_listing(shared::Timeline::start()).await
    });
    assert_eq!(results, [2, 4]);
    // 1 3 2 4, as the article prints it, and both done after 2 s, not 4.
    assert_eq!(text, "[+0.00s] 1\n[+0.00s] 3\n[+2.00s] 2\n[+2.00s] 4\n");
}
