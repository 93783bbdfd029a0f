//! A connection dropped without `close().await` still says goodbye: spawned inside a runtime,
//! blocking outside one.

use ch10_async_guards::connection::{Connection, drop_without_runtime};
use shared::{FixtureServer, Timeline};
use std::time::Duration;

fn goodbyes(server: &FixtureServer) -> usize {
    server.hits().get("/bye").copied().unwrap_or(0)
}

/// A server on its own thread notices a hang-up on its own time: wait for it, up to 30 s.
fn wait_for_hang_ups(server: &FixtureServer) {
    server.wait_for_open_connections(0, Duration::from_secs(30));
}

#[tokio::test(start_paused = true)]
async fn close_says_goodbye_and_the_server_hangs_up() {
    let server = FixtureServer::spawn().await;
    let connection = Connection::open(server.addr(), Timeline::start())
        .await
        .unwrap();
    assert_eq!(server.open_connections(), 1);
    connection.close().await.unwrap();
    assert_eq!(goodbyes(&server), 1);
    assert_eq!(server.open_connections(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_drop_inside_a_runtime_returns_at_once_and_the_goodbye_runs_as_a_task() {
    let server = FixtureServer::spawn().await;
    let connection = Connection::open(server.addr(), Timeline::start())
        .await
        .unwrap();
    drop(connection);
    assert_eq!(server.open_connections(), 1, "nothing was awaited yet");
    tokio::time::sleep(Duration::from_millis(900)).await;
    assert_eq!(server.open_connections(), 1, "the goodbye takes 1 s");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(goodbyes(&server), 1);
    assert_eq!(server.open_connections(), 0);
}

#[test]
fn a_drop_outside_any_runtime_says_goodbye_before_it_returns() {
    let server = FixtureServer::builder().latency(Duration::ZERO).start();
    drop_without_runtime(&server).unwrap();
    // The blocking goodbye read the server's answer: the request was served before drop returned.
    assert_eq!(goodbyes(&server), 1);
    wait_for_hang_ups(&server);
    assert_eq!(server.open_connections(), 0);
}

#[test]
fn a_goodbye_spawned_as_the_runtime_shuts_down_never_runs_but_the_socket_still_closes() {
    let server = FixtureServer::builder().latency(Duration::ZERO).start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let connection = Connection::open(server.addr(), Timeline::start())
            .await
            .unwrap();
        drop(connection); // spawns the goodbye, and block_on returns before it is polled
    });
    drop(runtime); // drops the unfinished task, and with it the socket
    wait_for_hang_ups(&server);
    assert_eq!(server.open_connections(), 0, "the socket was closed");
    assert_eq!(goodbyes(&server), 0, "but no goodbye was ever sent");
}
