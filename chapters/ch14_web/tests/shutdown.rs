//! Graceful shutdown over real TCP, with the real binary (`ch14_web serve`) and real signals:
//! a slow request started before SIGTERM completes with 200, a connection after it is refused,
//! and the process exits cleanly. Ctrl-C (SIGINT) stops it the same way.
//!
//! No Redis needed: the service connects to Redis lazily, and the slow request is
//! `/blocking/offloaded`, which never talks to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The service, started as a reader would, with its URL and log lines.
struct Service {
    child: Child,
    addr: SocketAddr,
    log: mpsc::Receiver<String>,
}

impl Service {
    fn start() -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ch14_web"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .env("REDIS_URL", "redis://127.0.0.1:1/")
            .env("RUST_LOG", "info,tower_http=debug")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // "serving on http://127.0.0.1:PORT  (interactive docs: …)"
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|addr| addr.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        Service {
            log: log_lines(child.stderr.take().unwrap()),
            child,
            addr,
        }
    }

    /// Wait (at most 30 s, a hang guard) for a log line containing `text`.
    fn wait_for_log(&self, text: &str) {
        loop {
            let line = self
                .log
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("the service never logged {text:?}"));
            if line.contains(text) {
                return;
            }
        }
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }
}

fn log_lines(stderr: ChildStderr) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// One HTTP/1.1 GET over a fresh connection; the whole response as text.
fn get(addr: SocketAddr, path: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}

#[test]
fn sigterm_lets_the_request_in_flight_finish_and_refuses_new_connections() {
    let mut service = Service::start();
    let addr = service.addr;
    let slow = std::thread::spawn(move || get(addr, "/blocking/offloaded?ms=3000"));
    service.wait_for_log("started processing request"); // the slow request is in flight
    service.signal("TERM");
    service.wait_for_log("shutting down");
    // The listener closes right after the signal: retry until a connection is refused
    // (one may still land in the closing listener's backlog).
    let refused = (0..100).any(|_| {
        let refused = TcpStream::connect(addr).is_err();
        std::thread::sleep(Duration::from_millis(20));
        refused
    });
    assert!(refused, "connections were still accepted after SIGTERM");
    assert!(!slow.is_finished(), "the slow request ended too early");
    let response = slow
        .join()
        .unwrap()
        .expect("the slow request got an answer");
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.ends_with(r#"{"blocked_ms":3000}"#), "{response}");
    let status = service.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn ctrl_c_stops_an_idle_service_cleanly() {
    let mut service = Service::start();
    assert!(
        get(service.addr, "/")
            .unwrap()
            .starts_with("HTTP/1.1 200 OK")
    );
    service.signal("INT");
    let status = service.child.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(TcpStream::connect(service.addr).is_err());
}

/// `serve` on a runtime of its own, with a router whose one handler says when it started,
/// then sleeps `work`. A client (a plain thread) sends one request; the shutdown comes while
/// the handler runs, with `grace` to finish. Then the runtime is dropped, as `main` does by
/// returning. The clock is tokio's paused one: the sleeps take no real time.
fn shutdown_during_request(work: Duration, grace: Duration) -> (bool, String) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    let (started, on_started) = tokio::sync::oneshot::channel::<()>();
    let started = std::sync::Arc::new(std::sync::Mutex::new(Some(started)));
    let router = axum::Router::new().route(
        "/slow",
        axum::routing::get(move || {
            if let Some(started) = started.lock().unwrap().take() {
                let _ = started.send(());
            }
            async move {
                tokio::time::sleep(work).await;
                "done"
            }
        }),
    );
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let client = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /slow HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response
    });
    let finished = runtime.block_on(async {
        let (stop, on_stop) = tokio::sync::oneshot::channel::<()>();
        let stopped = async move {
            let _ = on_stop.await;
        };
        let server = tokio::spawn(ch14_web::server::serve(listener, router, stopped, grace));
        on_started.await.unwrap();
        stop.send(()).unwrap();
        server.await.unwrap().unwrap()
    });
    drop(runtime);
    (finished, client.join().unwrap())
}

#[test]
fn a_request_that_ends_within_the_grace_period_gets_its_answer() {
    let (finished, response) =
        shutdown_during_request(Duration::from_secs(1), Duration::from_secs(5));
    assert!(finished);
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.ends_with("done"), "{response}");
}

#[test]
fn a_request_still_running_at_the_deadline_is_closed() {
    let (finished, response) =
        shutdown_during_request(Duration::from_secs(3600), Duration::from_secs(5));
    assert!(!finished, "serve waited past its deadline");
    assert_eq!(response, "", "the connection closed without an answer");
}
