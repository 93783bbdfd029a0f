//! Serving [`app`](crate::app) on a socket, and stopping it gracefully.
//!
//! uvicorn stops on Ctrl-C or SIGTERM: it closes the listening socket, lets the requests in
//! flight finish, and gives up on them after `--timeout-graceful-shutdown`. [`serve`] does the
//! same with `axum::serve(...).with_graceful_shutdown(...)` and a deadline of its own.
//! [`Running`] starts the service on a free port on a thread of its own, for the tour, the
//! tests and the benchmarks.

use crate::state::{AppState, Settings};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// How long requests in flight get to finish after the shutdown signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

// ANCHOR: serve
/// Serve `router` on `listener` until `shutdown` completes; then stop accepting connections,
/// let the requests in flight finish, and return after `grace` at the latest.
///
/// Returns `true` when every request finished within the grace period. Connections still open
/// at the deadline are tasks on the runtime: they close when the runtime is dropped, which
/// `main` does by returning.
pub async fn serve(
    listener: TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
    grace: Duration,
) -> io::Result<bool> {
    let (signalled, on_signal) = oneshot::channel::<()>();
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: no new connections, {grace:?} for requests in flight");
        let _ = signalled.send(());
    };
    let server = axum::serve(listener, router).with_graceful_shutdown(shutdown);
    let deadline = async move {
        if on_signal.await.is_ok() {
            tokio::time::sleep(grace).await;
        } else {
            std::future::pending::<()>().await; // the server ended without a signal
        }
    };
    tokio::select! {
        served = server => served.map(|()| true),
        () = deadline => {
            tracing::warn!("requests still running after {grace:?}: closing them");
            Ok(false)
        }
    }
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM, what a terminal and a process manager send.
pub async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM; Ctrl-C still works");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        () = terminate => {}
    }
}
// ANCHOR_END: serve

/// The service running on 127.0.0.1 on a free port, on a runtime of its own (two worker
/// threads, like a small machine); stopped gracefully when dropped.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<io::Result<bool>>>,
}

impl Running {
    /// Start the service on a free port of 127.0.0.1, with Redis at `redis_url`.
    ///
    /// # Errors
    /// The port cannot be bound, or `redis_url` is malformed.
    pub fn start(redis_url: &str, settings: Settings) -> io::Result<Running> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let listener = runtime.block_on(TcpListener::bind("127.0.0.1:0"))?;
        let addr = listener.local_addr()?;
        let state = runtime
            .block_on(async { AppState::new(redis_url, settings) })
            .map_err(io::Error::other)?;
        let (stop, on_stop) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let stopped = async {
                let _ = on_stop.await;
            };
            runtime.block_on(serve(listener, crate::app(state), stopped, SHUTDOWN_GRACE))
        });
        Ok(Running {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
