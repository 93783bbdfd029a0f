//! Chapter 10's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch10` (`--features attempt`).

use ch10_async_guards::context_manager::{AsyncContextManager, Outcome};
use ch10_async_guards::database::Database;
use ch10_async_guards::dyn_manager::Boxed;
use ch10_async_guards::exercises::{enter_all, exit_all};
use shared::{FixtureServer, Timeline};
use std::io;
use std::sync::{Arc, Mutex};

type Log = Arc<Mutex<Vec<String>>>;

/// A manager that writes what happens to it into a shared log, and fails where it is told to.
struct Recorder {
    name: &'static str,
    log: Log,
    fail_enter: bool,
    fail_exit: bool,
}

impl AsyncContextManager for Recorder {
    type Error = io::Error;

    async fn enter(&mut self) -> io::Result<()> {
        tokio::task::yield_now().await; // a real suspension point
        self.log
            .lock()
            .unwrap()
            .push(format!("enter {}", self.name));
        if self.fail_enter {
            return Err(io::Error::other(format!("{} cannot enter", self.name)));
        }
        Ok(())
    }

    async fn exit(self, outcome: Outcome) -> io::Result<()> {
        tokio::task::yield_now().await;
        self.log
            .lock()
            .unwrap()
            .push(format!("exit {} ({outcome:?})", self.name));
        if self.fail_exit {
            return Err(io::Error::other(format!("{} cannot exit", self.name)));
        }
        Ok(())
    }
}

fn recorder(name: &'static str, log: &Log) -> Recorder {
    Recorder {
        name,
        log: Arc::clone(log),
        fail_enter: false,
        fail_exit: false,
    }
}

fn log_of(log: &Log) -> Vec<String> {
    log.lock().unwrap().clone()
}

#[tokio::test]
async fn exit_all_exits_the_last_entered_first() {
    let log = Log::default();
    let managers: Vec<Boxed<io::Error>> = vec![
        Box::new(recorder("a", &log)),
        Box::new(recorder("b", &log)),
        Box::new(recorder("c", &log)),
    ];
    exit_all(managers, Outcome::Returned).await.unwrap();
    assert_eq!(
        log_of(&log),
        [
            "exit c (Returned)",
            "exit b (Returned)",
            "exit a (Returned)"
        ]
    );
}

#[tokio::test]
async fn exit_all_runs_every_exit_and_returns_the_first_error() {
    let log = Log::default();
    let managers: Vec<Boxed<io::Error>> = vec![
        Box::new(Recorder {
            fail_exit: true,
            ..recorder("a", &log)
        }),
        Box::new(recorder("b", &log)),
        Box::new(Recorder {
            fail_exit: true,
            ..recorder("c", &log)
        }),
    ];
    let error = exit_all(managers, Outcome::Failed).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "c cannot exit",
        "c exits first, so its error is first"
    );
    assert_eq!(
        log_of(&log),
        ["exit c (Failed)", "exit b (Failed)", "exit a (Failed)"]
    );
}

#[tokio::test(start_paused = true)]
async fn enter_all_enters_managers_of_different_types_in_order() {
    let server = FixtureServer::spawn().await;
    let log = Log::default();
    let managers: Vec<Boxed<io::Error>> = vec![
        Box::new(recorder("a", &log)),
        Box::new(Database::new(server.addr(), Timeline::start())),
        Box::new(recorder("b", &log)),
    ];
    let entered = enter_all(managers).await.unwrap();
    assert_eq!(entered.len(), 3);
    assert_eq!(log_of(&log), ["enter a", "enter b"]);
    assert_eq!(server.open_connections(), 1, "the database is connected");
    exit_all(entered, Outcome::Returned).await.unwrap();
    assert_eq!(server.open_connections(), 0);
}

#[tokio::test(start_paused = true)]
async fn enter_all_leaves_nothing_open_when_one_enter_fails() {
    let server = FixtureServer::spawn().await;
    let log = Log::default();
    let managers: Vec<Boxed<io::Error>> = vec![
        Box::new(recorder("a", &log)),
        Box::new(Database::new(server.addr(), Timeline::start())),
        Box::new(Recorder {
            fail_enter: true,
            ..recorder("b", &log)
        }),
        Box::new(recorder("c", &log)),
    ];
    let error = enter_all(managers).await.err().expect("b fails to enter");
    assert_eq!(error.to_string(), "b cannot enter");
    assert_eq!(
        log_of(&log),
        ["enter a", "enter b", "exit a (Failed)"],
        "b is not exited (it never entered), c is never entered"
    );
    assert_eq!(
        server.hits().get("/bye"),
        Some(&1),
        "the database was exited too"
    );
    assert_eq!(server.open_connections(), 0);
}
