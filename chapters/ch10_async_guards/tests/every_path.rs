//! `with` runs the exit exactly once on every path, and the server sees the connection closed.

use ch10_async_guards::context_manager::{AsyncContextManager, Outcome, with};
use ch10_async_guards::database::Database;
use shared::{FixtureServer, Timeline};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep};

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
