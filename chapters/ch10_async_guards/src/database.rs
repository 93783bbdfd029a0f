//! 三.5.7 异步上下文管理器: the article's `AsyncContextManager` listing, fixed, over a real connection.
//!
//! The article's class opens "a database" in `__aenter__` and closes it in `__aexit__`, with a
//! one-second `await asyncio.sleep(1)` standing for each. Ours opens a real [`Connection`] to
//! the fixture server (whose handshake and goodbye each take 1 s), so the timings match the
//! article's and the server can tell whether the connection was really closed.
//!
//! # The article's two mistakes, as Rust sees them
//!
//! `__init__` does `self.conn = conn`, but no `conn` exists there: Python finds out when the
//! line runs (`NameError`). Rust refuses to compile it (error E0425):
//!
#![doc = "```compile_fail,E0425"]
#![doc = include_str!("../compile_fail/init_without_conn.rs")]
#![doc = "```"]
//!
//! (The fields are private too; the point is the name. The fix is [`Database::new`]: there is
//! no connection yet when the manager is made, `enter` opens it.)
//!
//! The body calls `f.do_something()` without `await` and prints what it got: a coroutine
//! object, plus a "coroutine was never awaited" warning when it is collected. In Rust the call
//! gives a future, and what happens next depends on what the code does with it. Printing it, as
//! the article does, is an error: a future has no `Display` (error E0277):
//!
#![doc = "```compile_fail,E0277"]
#![doc = include_str!("../compile_fail/print_future.rs")]
#![doc = "```"]
//!
//! Using it as the answer it should have been is an error too (E0308, "expected `Result<usize,
//! Error>`, found future", with the hint "consider `await`ing on the `Future`"):
//!
#![doc = "```compile_fail,E0308"]
#![doc = include_str!("../compile_fail/future_as_result.rs")]
#![doc = "```"]
//!
//! Only a call whose future is thrown away as a statement, `f.do_something();`, compiles, and
//! the call does nothing at all. rustc *warns*, lint `unused_must_use`: "unused implementer of
//! `Future` that must be used … futures do nothing unless you `.await` or poll them". A warning
//! becomes an error where `#![deny(unused_must_use)]` or `-D warnings` says so (this workspace
//! runs clippy with `-D warnings`). Two spellings slip past that lint: `let _ = f.do_something();`
//! (rustc is silent; clippy's `let_underscore_future` warns) and `let result =
//! f.do_something();` with `result` never used (only `unused_variables` warns).
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/unawaited_call.rs")]
#![doc = "```"]
//!
//! ```
//! # use ch10_async_guards::database::Database;
//! async fn body(f: &mut Database) {
//!     f.do_something(); // only a warning without the deny: and nothing is queried
//! }
//! # fn main() {}
//! ```

use crate::connection::Connection;
use crate::context_manager::{AsyncContextManager, Outcome, with};
use futures::FutureExt;
use shared::{FixtureServer, Timeline, outln};
use std::io;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

// ANCHOR: database
/// The article's `AsyncContextManager` class: a database reached at `addr`.
#[derive(Debug)]
pub struct Database {
    addr: SocketAddr,
    conn: Option<Connection>,
    timeline: Timeline,
}

impl Database {
    /// `__init__`: remember where the database is. Nothing is open yet (the article's
    /// `self.conn = conn` names a variable that does not exist).
    pub fn new(addr: SocketAddr, timeline: Timeline) -> Self {
        Database {
            addr,
            conn: None,
            timeline,
        }
    }

    /// `async def do_something(self)`: a query whose answer is 666 bytes long.
    pub async fn do_something(&mut self) -> io::Result<usize> {
        self.query("/do_something?size=666&delay_ms=0").await
    }

    /// Any query: `GET path`, answered with the length of the body.
    pub async fn query(&mut self, path: &str) -> io::Result<usize> {
        let conn = self.conn.as_mut().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotConnected,
                "use the database inside `with`",
            )
        })?;
        Ok(conn.query(path).await?.len())
    }
}

impl AsyncContextManager for Database {
    type Error = io::Error;

    /// `async def __aenter__(self)`: open the connection (a 1 s handshake).
    async fn enter(&mut self) -> io::Result<()> {
        self.timeline.say("__aenter__: connecting");
        self.conn = Some(Connection::open(self.addr, self.timeline).await?);
        self.timeline.say("__aenter__: connected");
        Ok(())
    }

    /// `async def __aexit__(self, exc_type, exc, tb)`: close it (a 1 s goodbye).
    async fn exit(mut self, outcome: Outcome) -> io::Result<()> {
        self.timeline
            .say(format_args!("__aexit__: closing ({outcome})"));
        if let Some(conn) = self.conn.take() {
            conn.close().await?;
        }
        self.timeline.say("__aexit__: closed");
        Ok(())
    }
}
// ANCHOR_END: database

// ANCHOR: func
/// `async def func()`: the article's body, with its `await`.
pub async fn func(addr: SocketAddr, timeline: Timeline) -> io::Result<usize> {
    with(Database::new(addr, timeline), async |f: &mut Database| {
        let result = f.do_something().await?;
        timeline.say(format_args!("result = {result}"));
        Ok(result)
    })
    .await
}
// ANCHOR_END: func

/// The tour section: `asyncio.run(func())`, against a fixture server on the same runtime (so
/// its 1 s answers take no real time under the virtual clock).
pub fn show_article_example() {
    shared::runtime::block_on(async {
        let server = FixtureServer::spawn().await;
        let timeline = Timeline::start();
        if let Err(error) = func(server.addr(), timeline).await {
            timeline.say(format_args!("error: {error}"));
        }
    });
}

// ANCHOR: every_path
/// One `with` block for each way a body can end, each checked from the server's side.
pub async fn every_path(server: &FixtureServer) {
    let addr = server.addr();

    outln!("-- the body returns:");
    let timeline = Timeline::start();
    let answer = with(Database::new(addr, timeline), async |f: &mut Database| {
        f.do_something().await
    });
    outln!("with(...) -> {:?}", answer.await);
    report(server);

    outln!("-- the body fails with `?`:");
    let timeline = Timeline::start();
    let answer: io::Result<usize> =
        with(Database::new(addr, timeline), async |f: &mut Database| {
            let missing = f.query("/status/404").await?; // returns the error from here
            Ok(missing)
        })
        .await;
    outln!("with(...) -> {:?}", answer.map_err(|e| e.to_string()));
    report(server);

    outln!("-- the body panics:");
    let timeline = Timeline::start();
    let answer = with(Database::new(addr, timeline), async |f: &mut Database| {
        let n = f.do_something().await?;
        assert!(n < 100, "the answer is too long: {n} bytes");
        Ok::<_, io::Error>(n)
    });
    let caught = AssertUnwindSafe(answer).catch_unwind().await;
    outln!("with(...) panicked: {}", caught.is_err());
    report(server);

    outln!("-- the task running the body is aborted after 1.5 s:");
    let timeline = Timeline::start();
    let task = tokio::spawn(with(
        Database::new(addr, timeline),
        async |_: &mut Database| {
            tokio::time::sleep(Duration::from_secs(60)).await;
            Ok::<_, io::Error>(())
        },
    ));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    task.abort();
    let cancelled = task.await.is_err_and(|e| e.is_cancelled());
    timeline.say(format_args!("task cancelled: {cancelled}"));
    tokio::time::sleep(Duration::from_secs(2)).await; // time for the spawned exit to run
    report(server);
}
// ANCHOR_END: every_path

fn report(server: &FixtureServer) {
    let byes = server.hits().get("/bye").copied().unwrap_or(0);
    let open = server.open_connections();
    outln!("server: open connections = {open}, goodbyes so far = {byes}");
}

/// The tour section: [`every_path`] against a fixture server on the same runtime.
///
/// The panic is on purpose, so for this section the panic hook prints its message as a line of
/// the listing (where it happens, between the lines around it) instead of to stderr with a
/// backtrace. The usual hook is back when the section ends.
pub fn show_every_path() {
    let _hook = shared::panics::QuietPanics::with(|info| {
        outln!("panic: {}", shared::panics::message(info.payload()));
    });
    shared::runtime::block_on(async {
        let server = FixtureServer::spawn().await;
        every_path(&server).await;
    });
}
