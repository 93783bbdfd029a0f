//! `with` runs the exit exactly once on every path, and the server sees the connection closed.

use ch10_async_guards::context_manager::{AsyncContextManager, Outcome, with};
use ch10_async_guards::database::Database;
use shared::{FixtureServer, Timeline};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep, sleep_until};

/// A [`Database`] that records every exit it is asked for.
struct Probe {
    database: Database,
    exits: Arc<Mutex<Vec<Outcome>>>,
}

impl AsyncContextManager for Probe {
    type Error = io::Error;

    async fn enter(&mut self) -> io::Result<()> {
        self.database.enter().await
    }

    async fn exit(self, outcome: Outcome) -> io::Result<()> {
        self.exits.lock().unwrap().push(outcome);
        self.database.exit(outcome).await
    }
}

fn probe(server: &FixtureServer) -> (Probe, Arc<Mutex<Vec<Outcome>>>) {
    let exits = Arc::new(Mutex::new(Vec::new()));
    let database = Database::new(server.addr(), Timeline::start());
    let probe = Probe {
        database,
        exits: Arc::clone(&exits),
    };
    (probe, exits)
}

fn goodbyes(server: &FixtureServer) -> usize {
    server.hits().get("/bye").copied().unwrap_or(0)
}

/// The exit ran once with `outcome`, said goodbye, and the server closed the connection.
fn assert_exited_once(server: &FixtureServer, exits: &Mutex<Vec<Outcome>>, outcome: Outcome) {
    assert_eq!(*exits.lock().unwrap(), [outcome]);
    assert_eq!(
        goodbyes(server),
        1,
        "the exit's goodbye reached the server once"
    );
    assert_eq!(
        server.open_connections(),
        0,
        "the server saw the connection closed"
    );
}

#[tokio::test(start_paused = true)]
async fn a_body_that_returns_gets_its_value_after_the_awaited_exit() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let start = Instant::now();
    let answer = with(probe, async |p: &mut Probe| p.database.do_something().await).await;
    assert_eq!(answer.unwrap(), 666);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "1 s hello + 1 s goodbye"
    );
    assert_exited_once(&server, &exits, Outcome::Returned);
}

#[tokio::test(start_paused = true)]
async fn a_body_failing_with_the_question_mark_is_exited_and_its_error_returned() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let answer: io::Result<usize> = with(probe, async |p: &mut Probe| {
        let n = p.database.query("/status/500").await?;
        Ok(n + 1)
    })
    .await;
    let error = answer.unwrap_err().to_string();
    assert!(error.contains("500 Internal Server Error"), "{error}");
    assert_exited_once(&server, &exits, Outcome::Failed);
}

#[tokio::test(start_paused = true)]
async fn a_panicking_body_is_exited_before_the_panic_goes_on() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let task = tokio::spawn(with(probe, async |p: &mut Probe| {
        p.database.do_something().await?;
        panic!("boom");
        #[allow(unreachable_code)]
        Ok::<(), io::Error>(())
    }));
    let panic = task.await.unwrap_err().into_panic();
    assert_eq!(
        panic.downcast_ref::<&str>(),
        Some(&"boom"),
        "the same panic"
    );
    assert_exited_once(&server, &exits, Outcome::Panicked);
}

#[tokio::test(start_paused = true)]
async fn an_aborted_task_gets_its_exit_spawned() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let task = tokio::spawn(with(probe, async |_: &mut Probe| {
        sleep(Duration::from_secs(60)).await;
        Ok::<(), io::Error>(())
    }));
    sleep(Duration::from_millis(1500)).await;
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    assert_eq!(
        server.open_connections(),
        1,
        "the spawned exit has not finished yet"
    );
    sleep(Duration::from_millis(900)).await;
    assert_eq!(server.open_connections(), 1, "its goodbye takes 1 s");
    sleep(Duration::from_millis(200)).await;
    assert_exited_once(&server, &exits, Outcome::Cancelled);
}

#[tokio::test(start_paused = true)]
async fn a_timeout_that_drops_the_with_future_gets_its_exit_spawned() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let slow = with(probe, async |_: &mut Probe| {
        sleep(Duration::from_secs(60)).await;
        Ok::<(), io::Error>(())
    });
    assert!(
        tokio::time::timeout(Duration::from_millis(1500), slow)
            .await
            .is_err()
    );
    assert!(
        exits.lock().unwrap().is_empty(),
        "the exit is spawned, not run by the drop"
    );
    sleep(Duration::from_millis(1100)).await;
    assert_exited_once(&server, &exits, Outcome::Cancelled);
}

#[tokio::test(start_paused = true)]
async fn a_failed_enter_has_nothing_to_exit_and_never_runs_the_body() {
    // A port that nobody listens on: bind one, then let it go.
    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let exits = Arc::new(Mutex::new(Vec::new()));
    let probe = Probe {
        database: Database::new(addr, Timeline::start()),
        exits: Arc::clone(&exits),
    };
    let mut body_ran = false;
    let answer: io::Result<()> = with(probe, async |_: &mut Probe| {
        body_ran = true;
        Ok(())
    })
    .await;
    assert_eq!(answer.unwrap_err().kind(), io::ErrorKind::ConnectionRefused);
    assert!(!body_ran);
    assert!(exits.lock().unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_enter_runs_no_exit_but_the_connection_still_says_goodbye() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let mut body_ran = false;
    let block = with(probe, async |_: &mut Probe| {
        body_ran = true;
        Ok::<(), io::Error>(())
    });
    // The handshake takes 1 s: give up half-way through `enter`.
    let start = Instant::now();
    assert!(
        tokio::time::timeout(Duration::from_millis(500), block)
            .await
            .is_err()
    );
    assert!(!body_ran);
    assert!(
        exits.lock().unwrap().is_empty(),
        "no exit for an enter that never finished (nor does Python call __aexit__)"
    );
    // The half-open `Connection` was dropped: its own Drop spawned the goodbye, which the
    // server reads after answering the handshake (at 1 s) and answers 1 s later.
    sleep_until(start + Duration::from_millis(1900)).await;
    assert_eq!(
        server.open_connections(),
        1,
        "the goodbye is still on its way"
    );
    sleep_until(start + Duration::from_millis(2100)).await;
    assert_eq!(goodbyes(&server), 1);
    assert_eq!(server.open_connections(), 0);
}

#[tokio::test(start_paused = true)]
async fn an_exit_cancelled_half_way_still_closes_the_socket() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let block = with(probe, async |p: &mut Probe| p.database.do_something().await);
    // The exit starts at 1 s and its goodbye takes until 2 s: give up at 1.5 s.
    assert!(
        tokio::time::timeout(Duration::from_millis(1500), block)
            .await
            .is_err()
    );
    assert_eq!(
        *exits.lock().unwrap(),
        [Outcome::Returned],
        "the exit had begun"
    );
    assert_eq!(goodbyes(&server), 1, "the goodbye was sent…");
    // …but not answered: `close` owned the socket, and dropping it hung up. Nothing is spawned
    // (`close` had taken the stream out of the `Connection`, so its Drop had nothing to do).
    sleep(Duration::from_millis(1)).await;
    assert_eq!(server.open_connections(), 0, "the server saw the hang-up");
    sleep(Duration::from_secs(5)).await;
    assert_eq!(
        *exits.lock().unwrap(),
        [Outcome::Returned],
        "no second exit"
    );
    assert_eq!(goodbyes(&server), 1, "and no second goodbye");
}

#[tokio::test(start_paused = true)]
async fn the_database_refuses_queries_outside_with() {
    let server = FixtureServer::spawn().await;
    let mut database = Database::new(server.addr(), Timeline::start());
    let error = database.do_something().await.unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::NotConnected);
    assert_eq!(server.requests(), 0);
}

/// A manager that needs no runtime, and notes its enter, its exits and its drop.
struct Note(Arc<Mutex<Vec<&'static str>>>);

impl AsyncContextManager for Note {
    type Error = io::Error;

    async fn enter(&mut self) -> io::Result<()> {
        self.0.lock().unwrap().push("enter");
        Ok(())
    }

    async fn exit(self, _: Outcome) -> io::Result<()> {
        self.0.lock().unwrap().push("exit");
        Ok(())
    }
}

impl Drop for Note {
    fn drop(&mut self) {
        self.0.lock().unwrap().push("drop");
    }
}

#[test]
fn a_with_future_dropped_outside_any_runtime_can_only_drop_the_manager() {
    use futures::FutureExt;
    let log = Arc::new(Mutex::new(Vec::new()));
    let block = with(Note(Arc::clone(&log)), async |_: &mut Note| {
        std::future::pending::<()>().await;
        Ok::<(), io::Error>(())
    });
    // Poll once (it suspends in the body), then drop it: a cancellation with no runtime around.
    assert!(block.now_or_never().is_none());
    assert_eq!(
        *log.lock().unwrap(),
        ["enter", "drop"],
        "no runtime to spawn the exit on"
    );
}
