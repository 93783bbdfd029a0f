//! A real HTTP server on 127.0.0.1, started by the program that needs it.
//!
//! The article downloads three pictures from a Chinese image host and crawls Baidu, Sina and
//! python.org. Those URLs are slow, far away, change, and need a network. Our listings fetch from
//! this server instead: real HTTP/1.1 over real TCP on an ephemeral port, so every example runs
//! offline, on any laptop, and gives the same bytes every time.
//!
//! What it serves (`GET` only):
//! - `/<any path>`: a generated binary body ("an image"), `size` bytes long, whose bytes depend
//!   only on the path, so a client can check it got the right one with [`body_for`].
//!   `?size=N` changes the size of one response (at most [`MAX_SIZE`]: a larger one is a
//!   `400 Bad Request` saying so, not an allocation the machine cannot make), `?delay_ms=N` its
//!   latency.
//! - `/status/<code>`: an empty response with that status (for error handling).
//!
//! Every response waits `latency` first (an async sleep: the server itself never blocks), which
//! stands in for a slow network. The server counts requests and how many were in flight at once
//! (the high-water mark): that number is how the tests prove that a client really made its
//! requests concurrently, without trusting a stopwatch.
//!
//! Two ways to start it:
//! - [`FixtureServer::start`]: on a thread of its own with its own runtime, independent of the
//!   caller. Blocking clients, threads and child processes need this.
//! - [`FixtureServer::spawn`]: as a task on the caller's tokio runtime. Under a paused clock its
//!   latency is then virtual too, so a test can assert exact elapsed times.
//!
//! Dropping the handle shuts the server down: it stops accepting, closes its connections and
//! (for [`FixtureServer::start`]) joins its thread.

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// The largest body the server generates, for [`Builder::size`] and `?size=`: 64 MiB.
pub const MAX_SIZE: usize = 64 * 1024 * 1024;

/// How a [`FixtureServer`] behaves; build one with [`FixtureServer::builder`].
#[derive(Clone, Debug)]
pub struct Builder {
    latency: Duration,
    size: usize,
}

impl Builder {
    /// How long every response waits before it is sent (default 100 ms).
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// The default body size in bytes (default 64 KiB).
    ///
    /// # Panics
    /// Above [`MAX_SIZE`].
    pub fn size(mut self, size: usize) -> Self {
        assert!(
            size <= MAX_SIZE,
            "a fixture body is at most {MAX_SIZE} bytes"
        );
        self.size = size;
        self
    }

    /// Start on a thread of its own; see [`FixtureServer::start`].
    pub fn start(self) -> FixtureServer {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (shutdown, shutdown_rx) = watch::channel(false);
        let stats = Arc::new(Counters::default());
        let config = self;
        let thread_stats = Arc::clone(&stats);
        let thread = std::thread::Builder::new()
            .name("fixture-server".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("fixture server: cannot build its runtime");
                runtime.block_on(async move {
                    let listener = bind().await;
                    addr_tx
                        .send(listener.local_addr().expect("bound socket has an address"))
                        .expect("the starting thread waits for the address");
                    serve(listener, config, thread_stats, shutdown_rx).await;
                });
            })
            .expect("fixture server: cannot start its thread");
        let addr = addr_rx
            .recv()
            .expect("fixture server: the thread died before binding");
        FixtureServer {
            addr,
            counters: stats,
            shutdown,
            thread: Some(thread),
        }
    }

    /// Start as a task on the current tokio runtime; see [`FixtureServer::spawn`].
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub async fn spawn(self) -> FixtureServer {
        let (shutdown, shutdown_rx) = watch::channel(false);
        let stats = Arc::new(Counters::default());
        let listener = bind().await;
        let addr = listener.local_addr().expect("bound socket has an address");
        tokio::spawn(serve(listener, self, Arc::clone(&stats), shutdown_rx));
        FixtureServer {
            addr,
            counters: stats,
            shutdown,
            thread: None,
        }
    }
}

/// A running fixture server. Dropping it shuts it down.
#[derive(Debug)]
pub struct FixtureServer {
    addr: SocketAddr,
    counters: Arc<Counters>,
    shutdown: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The counts, and a condition variable signalled whenever a request or connection ends, so
/// that [`FixtureServer::wait_for_open_connections`] waits without polling.
#[derive(Debug, Default)]
struct Counters {
    stats: Mutex<Stats>,
    ended: Condvar,
}

#[derive(Debug, Default)]
struct Stats {
    requests: usize,
    in_flight: usize,
    max_in_flight: usize,
    open_connections: usize,
    by_path: BTreeMap<String, usize>,
    /// When each finished request arrived and when its response was ready (real time).
    spans: Vec<(Instant, Instant)>,
}

impl FixtureServer {
    /// Configure a server: latency and default body size.
    pub fn builder() -> Builder {
        Builder {
            latency: Duration::from_millis(100),
            size: 64 * 1024,
        }
    }

    /// Start with the default settings on a thread of its own.
    pub fn start() -> FixtureServer {
        Self::builder().start()
    }

    /// Start with the default settings as a task on the current runtime.
    pub async fn spawn() -> FixtureServer {
        Self::builder().spawn().await
    }

    /// `http://127.0.0.1:PORT` + `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Requests answered or being answered since the start (or the last [`reset`](Self::reset)).
    pub fn requests(&self) -> usize {
        self.lock().requests
    }

    /// Requests being answered right now.
    pub fn in_flight(&self) -> usize {
        self.lock().in_flight
    }

    /// The most requests that were in flight at the same moment: the proof of concurrency.
    pub fn max_in_flight(&self) -> usize {
        self.lock().max_in_flight
    }

    /// TCP connections open right now (to check that a client closed what it opened).
    pub fn open_connections(&self) -> usize {
        self.lock().open_connections
    }

    /// How many times each path (without its query) was requested.
    pub fn hits(&self) -> BTreeMap<String, usize> {
        self.lock().by_path.clone()
    }

    /// When each finished request arrived and when its response was ready (the real clock, in
    /// the order they finished): what a timeline of a crawl draws.
    pub fn request_spans(&self) -> Vec<(Instant, Instant)> {
        self.lock().spans.clone()
    }

    /// Forget the counts (not the open connections), e.g. between two strategies of a benchmark.
    pub fn reset(&self) {
        let mut stats = self.lock();
        stats.spans.clear();
        stats.requests = 0;
        stats.max_in_flight = stats.in_flight;
        stats.by_path.clear();
    }

    /// Block the calling thread until at most `at_most` connections are open, or `limit` has
    /// passed; return how many are open then. A client that closes a connection returns before
    /// the server has noticed (the server's side of the socket closes on its next read), so a
    /// check of "the client hung up" waits for the server here instead of sleeping a guess.
    ///
    /// For a server on its own thread ([`FixtureServer::start`]): one spawned on the caller's
    /// runtime would be blocked by this very wait.
    pub fn wait_for_open_connections(&self, at_most: usize, limit: Duration) -> usize {
        let counters = &*self.counters;
        let stats = counters.stats.lock().unwrap_or_else(|p| p.into_inner());
        let (stats, _timed_out) = counters
            .ended
            .wait_timeout_while(stats, limit, |s| s.open_connections > at_most)
            .unwrap_or_else(|p| p.into_inner());
        stats.open_connections
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Stats> {
        self.counters
            .stats
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        // Every accept loop and connection task watches this channel.
        let _ = self.shutdown.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The body served for `path` at `size` bytes: what a client should have received.
///
/// The bytes are a simple generator (xorshift) seeded from the path, so different paths give
/// different bodies and nothing needs to be stored.
pub fn body_for(path: &str, size: usize) -> Vec<u8> {
    let mut state = path.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    }) | 1;
    (0..size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

async fn bind() -> TcpListener {
    TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("fixture server: cannot bind a port on 127.0.0.1")
}

async fn serve(
    listener: TcpListener,
    config: Builder,
    stats: Arc<Counters>,
    mut shutdown: watch::Receiver<bool>,
) {
    let config = Arc::new(config);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                // A client that vanished between SYN and accept: not the server's problem.
                Err(_) => continue,
            },
            _ = shutdown.changed() => return,
        };
        let _ = stream.set_nodelay(true);
        let config = Arc::clone(&config);
        let stats = Arc::clone(&stats);
        let mut shutdown = shutdown.clone();
        tokio::spawn(async move {
            let _open = Gauge::open_connection(&stats);
            let service = service_fn(|request| respond(request, &config, &stats));
            let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = shutdown.changed() => {}
            }
        });
    }
}

async fn respond(
    request: Request<Incoming>,
    config: &Builder,
    stats: &Arc<Counters>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or("");
    let _in_flight = Gauge::request(stats, &path);

    let param = |name: &str| -> Option<u64> {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .and_then(|(_, value)| value.parse().ok())
    };
    let latency = param("delay_ms").map_or(config.latency, Duration::from_millis);
    // The one await that stands for a slow network. While this task sleeps, the server's
    // runtime answers every other connection: that is what makes the in-flight count grow.
    tokio::time::sleep(latency).await;

    let response = if request.method() != Method::GET {
        status(StatusCode::METHOD_NOT_ALLOWED)
    } else if let Some(code) = path.strip_prefix("/status/") {
        match code
            .parse::<u16>()
            .ok()
            .and_then(|c| StatusCode::from_u16(c).ok())
        {
            Some(code) => status(code),
            None => status(StatusCode::BAD_REQUEST),
        }
    } else {
        match param("size").map_or(Ok(config.size), usize::try_from) {
            Ok(size) if size <= MAX_SIZE => Response::builder()
                .header("content-type", "application/octet-stream")
                .body(Full::new(Bytes::from(body_for(&path, size))))
                .expect("a static header is valid"),
            _ => {
                let mut response = status(StatusCode::BAD_REQUEST);
                *response.body_mut() = Full::new(Bytes::from(format!(
                    "size is at most {MAX_SIZE} bytes (64 MiB)\n"
                )));
                response
            }
        }
    };
    Ok(response)
}

fn status(code: StatusCode) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = code;
    response
}

/// Counts something up while it lives and down when it is dropped, even if the future holding
/// it is cancelled half-way (a client hanging up mid-request).
struct Gauge<'a> {
    stats: &'a Counters,
    kind: GaugeKind,
}

enum GaugeKind {
    /// A request, and when it arrived.
    Request(Instant),
    Connection,
}

impl<'a> Gauge<'a> {
    fn request(stats: &'a Counters, path: &str) -> Self {
        let mut s = stats
            .stats
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        s.requests += 1;
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
        *s.by_path.entry(path.to_owned()).or_default() += 1;
        Gauge {
            stats,
            kind: GaugeKind::Request(Instant::now()),
        }
    }

    fn open_connection(stats: &'a Counters) -> Self {
        stats
            .stats
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .open_connections += 1;
        Gauge {
            stats,
            kind: GaugeKind::Connection,
        }
    }
}

impl Drop for Gauge<'_> {
    fn drop(&mut self) {
        let mut s = self
            .stats
            .stats
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        match self.kind {
            GaugeKind::Request(arrived) => {
                s.in_flight -= 1;
                s.spans.push((arrived, Instant::now()));
            }
            GaugeKind::Connection => s.open_connections -= 1,
        }
        self.stats.ended.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_the_body_for_the_path_over_real_http() {
        let server = FixtureServer::builder()
            .latency(Duration::from_millis(1))
            .size(1000)
            .start();
        let client = reqwest::blocking::Client::new();
        let body = client
            .get(server.url("/cat.jpg"))
            .send()
            .unwrap()
            .bytes()
            .unwrap();
        assert_eq!(body.as_ref(), body_for("/cat.jpg", 1000).as_slice());
        let small = client
            .get(server.url("/cat.jpg?size=10"))
            .send()
            .unwrap()
            .bytes()
            .unwrap();
        assert_eq!(small.as_ref(), body_for("/cat.jpg", 10).as_slice());
        let missing = client.get(server.url("/status/404")).send().unwrap();
        assert_eq!(missing.status(), 404);
        assert_eq!(server.requests(), 3);
        assert_eq!(server.hits()["/cat.jpg"], 2);
        assert_eq!(
            server.max_in_flight(),
            1,
            "one blocking client, one request at a time"
        );
    }

    #[test]
    fn a_size_over_the_limit_is_a_bad_request_that_says_why() {
        let server = FixtureServer::builder()
            .latency(Duration::ZERO)
            .size(10)
            .start();
        let client = reqwest::blocking::Client::new();
        let get = |size: u64| client.get(server.url(&format!("/big?size={size}"))).send();
        let at_limit = get(MAX_SIZE as u64).unwrap();
        assert_eq!(at_limit.status(), 200);
        assert_eq!(at_limit.bytes().unwrap().len(), MAX_SIZE);
        for too_big in [MAX_SIZE as u64 + 1, u64::MAX] {
            let refused = get(too_big).unwrap();
            assert_eq!(refused.status(), 400);
            assert_eq!(
                refused.text().unwrap(),
                "size is at most 67108864 bytes (64 MiB)\n"
            );
        }
    }

    #[test]
    fn different_paths_get_different_bodies() {
        assert_ne!(body_for("/a", 64), body_for("/b", 64));
        assert_eq!(body_for("/a", 64), body_for("/a", 64));
    }

    #[tokio::test(start_paused = true)]
    async fn counts_concurrent_requests_and_its_latency_is_virtual_under_a_paused_clock() {
        let server = FixtureServer::builder()
            .latency(Duration::from_secs(5))
            .spawn()
            .await;
        let start = tokio::time::Instant::now();
        let fetches: Vec<_> = (0..4)
            .map(|i| tokio::spawn(raw_get(server.url(&format!("/{i}")))))
            .collect();
        // The requests travel over real sockets, and a paused clock jumps to the next timer
        // whenever every task waits, socket waits included: the first request's 5 s could
        // pass before the last one arrived. Yielding keeps this task ready, which never moves
        // the clock, until all four are in (bounded in real time, in case they never are).
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while server.in_flight() < 4 && std::time::Instant::now() < deadline {
            tokio::task::yield_now().await;
        }
        assert_eq!(
            server.in_flight(),
            4,
            "all four requests reached the server"
        );
        assert_eq!(
            start.elapsed(),
            Duration::ZERO,
            "and no time passed meanwhile"
        );
        for fetch in fetches {
            assert!(fetch.await.unwrap().starts_with("HTTP/1.1 200"));
        }
        assert_eq!(
            start.elapsed(),
            Duration::from_secs(5),
            "four 5 s requests at once take 5 s"
        );
        assert_eq!((server.max_in_flight(), server.in_flight()), (4, 0));
    }

    #[tokio::test]
    async fn dropping_the_server_closes_its_connections() {
        let server = FixtureServer::builder()
            .latency(Duration::ZERO)
            .spawn()
            .await;
        let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        stream
            .write_all(b"GET /x?size=1 HTTP/1.1\r\nhost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buffer = [0u8; 256];
        let n = stream.read(&mut buffer).await.unwrap();
        assert!(buffer[..n].starts_with(b"HTTP/1.1 200"));
        assert_eq!(server.open_connections(), 1, "keep-alive keeps it open");
        drop(server);
        let mut rest = Vec::new();
        let closed =
            tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut rest)).await;
        assert!(
            matches!(closed, Ok(Ok(0))),
            "the server closed the connection"
        );
    }

    #[test]
    fn wait_for_open_connections_sees_a_client_hang_up() {
        use std::io::{Read, Write};
        let server = FixtureServer::builder().latency(Duration::ZERO).start();
        let mut stream = std::net::TcpStream::connect(server.addr()).unwrap();
        stream
            .write_all(b"GET /x?size=1 HTTP/1.1\r\nhost: x\r\n\r\n")
            .unwrap();
        let mut buffer = [0u8; 256];
        assert!(stream.read(&mut buffer).unwrap() > 0);
        let limit = Duration::from_secs(30);
        assert_eq!(server.wait_for_open_connections(1, limit), 1, "kept alive");
        drop(stream);
        assert_eq!(
            server.wait_for_open_connections(0, limit),
            0,
            "the server saw the hang-up"
        );
    }

    /// A minimal client, so this crate's tests need no async HTTP client.
    async fn raw_get(url: String) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_at(rest.find('/').unwrap());
        let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
        let request =
            format!("GET {path}?size=1 HTTP/1.1\r\nhost: {host}\r\nconnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.unwrap();
        String::from_utf8_lossy(&response)
            .lines()
            .next()
            .unwrap()
            .to_owned()
    }
}
