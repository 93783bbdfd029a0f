//! A database-like connection: a real TCP connection to the fixture server, opened and closed
//! with a round trip each, and a `Drop` that cleans up when nobody awaited [`Connection::close`].
//!
//! Our "database" is [`shared::FixtureServer`], spoken to in plain HTTP/1.1 over one kept-alive
//! TCP connection: opening sends a `/hello` handshake (the server answers after 1 s, like the
//! article's `await asyncio.sleep(1)` in `__aenter__`), a query is a `GET`, and closing sends a
//! `/bye` (1 s again) with `connection: close` and waits for the server to hang up. The server
//! counts its open connections, so a test can see whether a connection was really closed.
//!
//! # No async Drop
//!
//! Closing properly is async: it waits for the server. `Drop` cannot wait for anything async,
//! so a connection dropped without `close().await` (its task was cancelled, an early return
//! forgot it) falls back to one of two things, each with a cost:
//!
//! - inside a tokio runtime, it **spawns** the goodbye as a new task: the drop returns at once,
//!   but the goodbye runs later, nobody sees whether it failed, and if the runtime shuts down
//!   first the task is dropped and the socket just closes;
//! - outside any runtime, it says goodbye **blocking**, on a plain `std` socket: the cleanup is
//!   done when drop returns, but the thread is stuck for the round trip. Doing that on a runtime
//!   thread would stall every task on it (and could deadlock if the server shared that thread),
//!   which is why it is only the fallback of the fallback.

use shared::{FixtureServer, Timeline, outln};
use std::io::{self, Read as _, Write as _};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// The handshake: the server answers after 1 s.
const HELLO: &str = "/hello?size=0&delay_ms=1000";
/// The goodbye: the server answers after 1 s, then closes the connection.
const BYE: &str = "/bye?size=0&delay_ms=1000";
/// How long the blocking fallback waits for the server before giving up.
const BLOCKING_GOODBYE_LIMIT: Duration = Duration::from_secs(5);

/// An open connection. Close it with [`Connection::close`]; dropping it falls back to
/// cleaning up without being awaited (see the module docs).
#[derive(Debug)]
pub struct Connection {
    /// `None` once closed (or handed to the drop fallback).
    stream: Option<BufReader<TcpStream>>,
    timeline: Timeline,
}

impl Connection {
    /// Connect to `addr` and do the handshake.
    pub async fn open(addr: SocketAddr, timeline: Timeline) -> io::Result<Connection> {
        let stream = TcpStream::connect(addr).await?;
        let mut connection = Connection {
            stream: Some(BufReader::new(stream)),
            timeline,
        };
        connection.query(HELLO).await?;
        Ok(connection)
    }

    /// `GET path` on this connection; the body of a `200 OK` answer, or an error naming the
    /// status.
    pub async fn query(&mut self, path: &str) -> io::Result<Vec<u8>> {
        let stream = self
            .stream
            .as_mut()
            .expect("only close and drop take the stream");
        stream
            .get_mut()
            .write_all(request(path, false).as_bytes())
            .await?;
        let mut status_line = String::new();
        stream.read_line(&mut status_line).await?;
        let mut length = 0;
        loop {
            let mut header = String::new();
            if stream.read_line(&mut header).await? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            if header == "\r\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().map_err(io::Error::other)?;
            }
        }
        let mut body = vec![0; length];
        stream.read_exact(&mut body).await?;
        if !status_line.starts_with("HTTP/1.1 200") {
            let status = status_line.trim_end();
            return Err(io::Error::other(format!(
                "GET {path}: the server answered {status}"
            )));
        }
        Ok(body)
    }

    // ANCHOR: close
    /// Say goodbye and wait until the server has hung up: the async exit.
    pub async fn close(mut self) -> io::Result<()> {
        let stream = self.stream.take().expect("a connection is closed once");
        goodbye(stream.into_inner()).await // if this is cancelled, the socket just closes
    }
    // ANCHOR_END: close
}

// ANCHOR: drop
impl Drop for Connection {
    fn drop(&mut self) {
        let Some(stream) = self.stream.take() else {
            return; // closed properly
        };
        let stream = stream.into_inner();
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                self.timeline
                    .say("dropped without close(): spawning the goodbye");
                let timeline = self.timeline;
                runtime.spawn(async move {
                    match goodbye(stream).await {
                        Ok(()) => timeline.say("spawned goodbye: closed"),
                        Err(error) => timeline.say(format_args!("spawned goodbye failed: {error}")),
                    }
                });
            }
            Err(_) => {
                self.timeline
                    .say("dropped without close(), no runtime: blocking goodbye");
                match goodbye_blocking(stream) {
                    Ok(()) => self.timeline.say("blocking goodbye: closed"),
                    Err(error) => self
                        .timeline
                        .say(format_args!("blocking goodbye failed: {error}")),
                }
            }
        }
    }
}
// ANCHOR_END: drop

/// The request line and headers of a `GET`.
fn request(path: &str, last: bool) -> String {
    let connection = if last { "close" } else { "keep-alive" };
    format!("GET {path} HTTP/1.1\r\nhost: database\r\nconnection: {connection}\r\n\r\n")
}

/// The goodbye answer must be a `200 OK`.
fn check_goodbye(answer: &[u8]) -> io::Result<()> {
    if answer.starts_with(b"HTTP/1.1 200") {
        Ok(())
    } else {
        Err(io::Error::other("the server did not answer the goodbye"))
    }
}

/// Send the last request and read until the server closes: its answer, then end of file.
async fn goodbye(mut stream: TcpStream) -> io::Result<()> {
    stream.write_all(request(BYE, true).as_bytes()).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    check_goodbye(&answer)
}

/// [`goodbye`] on a blocking `std` socket, for a drop with no runtime to spawn on.
fn goodbye_blocking(stream: TcpStream) -> io::Result<()> {
    let mut stream = stream.into_std()?;
    stream.set_nonblocking(false)?; // tokio's sockets are non-blocking
    stream.set_read_timeout(Some(BLOCKING_GOODBYE_LIMIT))?;
    stream.write_all(request(BYE, true).as_bytes())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    check_goodbye(&answer)
}

// ANCHOR: drop_in_runtime
/// A connection dropped without `close()` inside a runtime: the goodbye is spawned.
pub async fn drop_in_runtime(server: &FixtureServer) -> io::Result<()> {
    let timeline = Timeline::start();
    let connection = Connection::open(server.addr(), timeline).await?;
    timeline.say("connected");
    drop(connection); // an early return, a cancelled task: no close().await
    let open = server.open_connections();
    timeline.say(format_args!(
        "drop returned; server: open connections = {open}"
    ));
    tokio::time::sleep(Duration::from_secs(2)).await; // the runtime runs the spawned goodbye
    let open = server.open_connections();
    timeline.say(format_args!("server: open connections = {open}"));
    Ok(())
}
// ANCHOR_END: drop_in_runtime

/// The tour section for [`drop_in_runtime`].
pub fn show_drop_in_runtime() {
    shared::runtime::block_on(async {
        let server = FixtureServer::spawn().await;
        if let Err(error) = drop_in_runtime(&server).await {
            outln!("error: {error}");
        }
    });
}

// ANCHOR: drop_without_runtime
/// A connection that outlives its runtime, then is dropped: the goodbye blocks the thread.
pub fn drop_without_runtime(server: &FixtureServer) -> io::Result<()> {
    // A runtime on the real clock: the server runs on its own thread, in real time.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let timeline = Timeline::start();
    let connection = runtime.block_on(Connection::open(server.addr(), timeline))?;
    timeline.say("connected");
    drop(runtime);
    drop(connection); // no runtime to spawn on: this call blocks for the goodbye
    timeline.say("drop returned");
    Ok(())
}
// ANCHOR_END: drop_without_runtime

/// The tour section for [`drop_without_runtime`]: real time, so it is measured.
pub fn show_drop_without_runtime() {
    let server = FixtureServer::start();
    if let Err(error) = drop_without_runtime(&server) {
        outln!("error: {error}");
    }
    // The server's thread notices the hang-up on its own time: wait for it, within a limit.
    let open = server.wait_for_open_connections(0, BLOCKING_GOODBYE_LIMIT);
    outln!("server: open connections = {open}");
}
