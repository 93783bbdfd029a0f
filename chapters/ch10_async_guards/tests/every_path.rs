//! `with` runs the exit exactly once on every path, and the server sees the connection closed.
//!
//! The tests run on tokio's paused clock against the fixture server over real loopback TCP.
//! The paused clock jumps to the next timer whenever the runtime has nothing to do, including
//! while a request is still in a socket, so a test-side timer (a `timeout`, a `sleep`) would
//! race the server's virtual latency. These tests therefore cancel on events, not instants (the
//! body has started, the server has the request), and check what is guaranteed: which exits ran,
//! how many goodbyes arrived, whether the connection is closed, and lower bounds on time.

use ch10_async_guards::context_manager::{AsyncContextManager, Outcome, with};
use ch10_async_guards::database::Database;
use shared::{FixtureServer, Timeline};
use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::oneshot;
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

/// Wait until `done()` holds while no virtual time passes: for what only needs the runtime to
/// handle real socket events (a request reaching the server, a hang-up it notices).
async fn without_time_passing(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    for _ in 0..1_000_000 {
        if done() {
            assert_eq!(
                start.elapsed(),
                Duration::ZERO,
                "a yield never moves the clock"
            );
            return;
        }
        // A yield lets the runtime poll its sockets without parking, so the paused clock stays.
        tokio::task::yield_now().await;
    }
    panic!("{what}: not without time passing");
}

/// Wait until `done()` holds, however long it takes on the virtual clock, up to a minute.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what}: not within a minute"
        );
        sleep(Duration::from_millis(10)).await;
    }
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
    let (entered, body_started) = oneshot::channel();
    let task = tokio::spawn(with(probe, async move |_: &mut Probe| {
        entered.send(()).unwrap();
        sleep(Duration::from_secs(60)).await;
        Ok::<(), io::Error>(())
    }));
    body_started.await.unwrap();
    let aborted = Instant::now();
    task.abort();
    assert!(task.await.unwrap_err().is_cancelled());
    assert_eq!(
        server.open_connections(),
        1,
        "the spawned exit has not finished yet"
    );
    eventually("the spawned exit closes the connection", || {
        server.open_connections() == 0
    })
    .await;
    assert!(
        aborted.elapsed() >= Duration::from_secs(1),
        "its goodbye takes 1 s"
    );
    assert_exited_once(&server, &exits, Outcome::Cancelled);
}

#[tokio::test(start_paused = true)]
async fn a_timeout_that_drops_the_with_future_gets_its_exit_spawned() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let (entered, body_started) = oneshot::channel();
    let slow = with(probe, async move |_: &mut Probe| {
        entered.send(()).unwrap();
        sleep(Duration::from_secs(60)).await;
        Ok::<(), io::Error>(())
    });
    let mut slow = Box::pin(slow); // moved into `timeout` below, which drops it
    tokio::select! {
        _ = &mut slow => panic!("the body sleeps a minute"),
        started = body_started => started.unwrap(),
    }
    // In the body, with the connection idle, only timers are left: the timeout is exact.
    assert!(
        tokio::time::timeout(Duration::from_millis(500), slow)
            .await
            .is_err()
    );
    assert!(
        exits.lock().unwrap().is_empty(),
        "the exit is spawned, not run by the drop"
    );
    eventually("the spawned exit closes the connection", || {
        server.open_connections() == 0
    })
    .await;
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
    // The handshake takes 1 s: give up once the server has it, half-way through `enter`.
    let start = Instant::now();
    tokio::select! {
        _ = block => panic!("the handshake cannot be answered without time passing"),
        () = without_time_passing("the server gets the handshake", || server.requests() == 1) => {}
    }
    assert!(!body_ran);
    assert!(
        exits.lock().unwrap().is_empty(),
        "no exit for an enter that never finished (nor does Python call __aexit__)"
    );
    // The half-open `Connection` was dropped: its own Drop spawned the goodbye, which the
    // server reads after answering the handshake (at 1 s) and answers 1 s later.
    assert_eq!(goodbyes(&server), 0, "the goodbye is still on its way");
    assert_eq!(server.open_connections(), 1);
    eventually("the spawned goodbye closes the connection", || {
        server.open_connections() == 0
    })
    .await;
    assert!(
        start.elapsed() >= Duration::from_secs(2),
        "handshake, then goodbye"
    );
    assert_eq!(goodbyes(&server), 1);
    assert!(exits.lock().unwrap().is_empty(), "and still no exit");
}

#[tokio::test(start_paused = true)]
async fn an_exit_cancelled_half_way_still_closes_the_socket() {
    let server = FixtureServer::spawn().await;
    let (probe, exits) = probe(&server);
    let block = with(probe, async |p: &mut Probe| p.database.do_something().await);
    // The exit's goodbye takes 1 s once the server has it: give up as soon as it does.
    tokio::select! {
        _ = block => panic!("the goodbye is answered 1 s after the server reads it"),
        () = eventually("the exit's goodbye reaches the server", || goodbyes(&server) == 1) => {}
    }
    assert_eq!(
        *exits.lock().unwrap(),
        [Outcome::Returned],
        "the exit had begun"
    );
    // The goodbye was sent but not answered: `close` owned the socket, and dropping it hung
    // up. Nothing is spawned (`close` had taken the stream out of the `Connection`, so its Drop
    // had nothing to do). The server notices the hang-up at once, before its 1 s is up.
    without_time_passing("the server sees the hang-up", || {
        server.open_connections() == 0
    })
    .await;
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
