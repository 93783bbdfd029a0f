//! What runs where: futures are portable, tokio's timers and sockets are not.
//!
//! A future only needs *someone* to poll it and a waker to call. Code that uses only
//! `std::future`, the `futures` crate, `tokio::sync` or `smol`'s async-io types runs on every
//! executor of [`crate::executors`]. tokio's timers and sockets are different: they register
//! with the reactor of the tokio runtime they are created in, found through a thread-local.
//! Outside a tokio runtime there is none, and tokio panics with its own message
//! ([`TOKIO_OUTSIDE_RUNTIME`]). smol's timer (async-io) starts its own reactor thread when
//! nobody else drives it, so it works under any executor, tokio's included.
//!
//! To use a tokio-only library from another executor, run a tokio runtime beside it and
//! `spawn` onto its `Handle` (or wrap the futures with the `async-compat` crate, which enters
//! a tokio runtime around every poll). async-std, the third big runtime of the 2019–2024
//! years, is discontinued (its README points users to smol); this chapter does not use it.

use shared::outln;
use shared::panics::caught;
use std::time::Duration;

/// The start of the message tokio panics with when a timer or socket is made outside its runtime.
pub const TOKIO_OUTSIDE_RUNTIME: &str =
    "there is no reactor running, must be called from the context of a Tokio 1.x runtime";

// ANCHOR: outside
/// Await a tokio timer under `futures::executor::block_on`: no tokio runtime, so it panics.
pub fn tokio_sleep_outside_tokio() -> Option<String> {
    caught(|| futures::executor::block_on(tokio::time::sleep(Duration::from_millis(1))))
}

/// Bind a tokio socket under smol's executor: the same panic.
pub fn tokio_socket_outside_tokio() -> Option<String> {
    caught(|| {
        let _ = smol::block_on(tokio::net::TcpListener::bind("127.0.0.1:0"));
    })
}

/// smol's timer under a tokio runtime (and under any other executor): works.
pub fn smol_timer_inside_tokio() -> Duration {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("building a tokio runtime only fails if the OS refuses an epoll instance");
    runtime.block_on(async {
        let start = std::time::Instant::now();
        smol::Timer::after(Duration::from_millis(10)).await;
        start.elapsed()
    })
}
// ANCHOR_END: outside

/// The tour section.
pub fn show() {
    let say = |what: &str, outcome: Option<String>| match outcome {
        Some(message) => outln!("{what}: panics: {message}"),
        None => outln!("{what}: ran"),
    };
    say(
        "tokio::time::sleep under futures::executor::block_on",
        tokio_sleep_outside_tokio(),
    );
    say(
        "tokio::net::TcpListener::bind under smol::block_on",
        tokio_socket_outside_tokio(),
    );
    let slept = smol_timer_inside_tokio();
    let woke = if slept >= Duration::from_millis(10) {
        "after its 10 ms"
    } else {
        "too early"
    };
    outln!(
        "smol::Timer::after(10 ms) under a tokio runtime without a tokio timer: ran, woke {woke}"
    );
}
