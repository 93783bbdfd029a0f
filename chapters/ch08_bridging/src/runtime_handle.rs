//! The other direction: plain threads calling async code, and why `block_on` inside a runtime
//! panics.
//!
//! A synchronous program (a GUI callback, a C library's thread, a legacy worker pool) sometimes
//! has to call an `async fn`. Python's answer is a loop running in some thread and
//! `asyncio.run_coroutine_threadsafe(coro, loop).result()` from the others. tokio's is a
//! [`Handle`] to a running runtime: `handle.block_on(future)` runs the future on the calling
//! thread with the runtime's timers and sockets, and blocks that thread until it is done
//! (`handle.spawn(future)` runs it on the runtime's own threads instead).
//!
//! Blocking to wait is fine on a plain thread and wrong on a runtime thread: there it would
//! freeze every other task (see [`crate::starvation`]) and, on a single-threaded runtime,
//! deadlock on any future that needs the blocked thread to make progress. So tokio refuses at
//! run time: `block_on` called from a thread that is driving tasks panics with "Cannot start a
//! runtime from within a runtime". In debug builds `reqwest::blocking` checks for the same
//! mistake and panics too, with another message. (Python raises too: `asyncio.run() cannot be
//! called from a running event loop`.) In async code the answer is the message's last
//! sentence: `.await` the future.

use shared::{Timeline, outln};
use std::time::Duration;
use tokio::runtime::Handle;

// ANCHOR: price
/// An async API that synchronous code wants to call: a price, after a network-like wait.
pub async fn fetch_price(item: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    item * 10
}
// ANCHOR_END: price

// ANCHOR: from_threads
/// Plain threads, each calling `fetch_price` through a `Handle` to a runtime that lives
/// elsewhere. Returns the prices in the order of `items`.
pub fn prices_from_plain_threads(handle: &Handle, items: &[u32]) -> Vec<u32> {
    std::thread::scope(|scope| {
        let threads: Vec<_> = items
            .iter()
            .map(|&item| scope.spawn(move || handle.block_on(fetch_price(item))))
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().expect("fetch_price does not panic"))
            .collect()
    })
}
// ANCHOR_END: from_threads

/// The reverse-bridge tour section: a multi-thread runtime serves three plain threads.
///
/// Its worker threads drive the timers, so the plain threads' `block_on` calls make progress
/// although no thread of ours is inside `Runtime::block_on`. (With a current-thread runtime,
/// some thread would have to be running `Runtime::block_on` for the timers to fire.)
pub fn show_threads() {
    // ANCHOR: runtime
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("the OS lets us start a thread");
    let timeline = Timeline::start();
    let prices = prices_from_plain_threads(runtime.handle(), &[1, 2, 3]);
    timeline.say(format_args!("three plain threads got {prices:?}"));
    // ANCHOR_END: runtime
}

/// The `block_on`-inside-a-runtime tour section: two ways to trip over it, and the fix.
pub fn show_nested() {
    shared::runtime::block_on(async {
        // ANCHOR: nested
        let handle = Handle::current();
        let nested = shared::panics::caught(|| {
            handle.block_on(fetch_price(1));
        });
        report("Handle::block_on(fetch_price(1)) in a task", nested);

        let blocking_client = shared::panics::caught(|| {
            let _ = reqwest::blocking::get("http://127.0.0.1:9/never-sent");
        });
        report("reqwest::blocking::get(url) in a task", blocking_client);

        outln!("fetch_price(1).await in a task: {}", fetch_price(1).await);
        // ANCHOR_END: nested
    });
}

fn report(what: &str, panic: Option<String>) {
    match panic {
        Some(message) => outln!("{what} panicked:\n    {message}"),
        None => outln!("{what} did not panic"),
    }
}
