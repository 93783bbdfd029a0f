//! The lines of a real TCP connection, as a stream, each at the time it was sent.

use ch09_streams::tcp_lines::{LINE_GAP, LOG, read_log, serve_log};
use shared::Timeline;
use tokio::net::TcpListener;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn every_line_arrives_in_order_and_the_hang_up_ends_the_stream() {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve_log(listener, &LOG, LINE_GAP));
    let start = Instant::now();
    let lines = read_log(addr, Timeline::start()).await.unwrap();
    assert_eq!(lines, LOG);
    assert_eq!(
        start.elapsed(),
        LINE_GAP * 3,
        "the stream ended when the server hung up"
    );
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_refused_connection_is_an_error_not_a_panic() {
    // Bind and drop a listener: its port is (for a moment) one nobody listens on.
    let addr = TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap()
        .local_addr()
        .unwrap();
    let error = read_log(addr, Timeline::start()).await.unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::ConnectionRefused);
}
