//! Real async iteration: the lines of a TCP connection as a stream.
//!
//! The article's counter is called `readlines` because that is what async iterators are for:
//! data that arrives when it arrives. In Python, an `asyncio.StreamReader` is itself an async
//! iterator (`async for line in reader`). In tokio, `BufReader::lines()` gives a `Lines` with an
//! async `next_line()` method, and [`LinesStream`] wraps it into a [`Stream`](futures::Stream),
//! so the same `while let` loop and every stream combinator work on a socket.
//!
//! The other end is a tiny server on 127.0.0.1 that writes a few log lines, a pause before each,
//! and hangs up: the hang-up is the end of the stream.

use futures::StreamExt;
use shared::Timeline;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio_stream::wrappers::LinesStream;

/// What the log server sends, one line each.
pub const LOG: [&str; 3] = ["INFO starting", "WARN disk 91% full", "INFO done"];

/// The pause before each line the server sends.
pub const LINE_GAP: Duration = Duration::from_millis(200);

/// Accept one connection on `listener`, send it `lines` with `gap` before each, then close it.
pub async fn serve_log(listener: TcpListener, lines: &[&str], gap: Duration) -> io::Result<()> {
    let (mut socket, _peer) = listener.accept().await?;
    for line in lines {
        tokio::time::sleep(gap).await;
        socket.write_all(format!("{line}\n").as_bytes()).await?;
    }
    Ok(()) // dropping the socket closes the connection: the client's stream ends
}

// ANCHOR: lines_stream
/// `async for line in reader`: print every line of the connection as it arrives.
pub async fn read_log(addr: SocketAddr, timeline: Timeline) -> io::Result<Vec<String>> {
    let socket = TcpStream::connect(addr).await?;
    let mut lines = LinesStream::new(BufReader::new(socket).lines());
    let mut received = Vec::new();
    // Each item is an `io::Result<String>`: reading can fail half-way, unlike a counter.
    while let Some(line) = lines.next().await {
        let line = line?;
        timeline.say(format_args!("got {line:?}"));
        received.push(line);
    }
    timeline.say(format_args!(
        "connection closed after {} lines",
        received.len()
    ));
    Ok(received)
}
// ANCHOR_END: lines_stream

/// The tour section: the log server and the reader, both on one runtime.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        let result = async {
            let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
            let addr = listener.local_addr()?;
            let server = tokio::spawn(serve_log(listener, &LOG, LINE_GAP));
            read_log(addr, timeline).await?;
            server.await.map_err(io::Error::other)?
        };
        if let Err(error) = result.await {
            timeline.say(format_args!("error: {error}"));
        }
    });
}
