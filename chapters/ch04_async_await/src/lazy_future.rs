//! 三.5.2 快速上手: calling an `async fn` runs none of its body.
//!
//! In Python, `result = func()` on an `async def` gives a *coroutine object* and prints nothing;
//! the body runs only when an event loop drives it. Rust is the same, and stricter: the value is
//! a future, an inert state machine, and the compiler warns when one is created and never used
//! (`#[must_use]`: "futures do nothing unless you `.await` or poll them").
//!
//! The warning is the `unused_must_use` lint; denied, as `-D warnings` does, it stops the build.
//! This doctest proves it (rustc says: "unused implementer of `Future` that must be used"):
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/future_not_awaited.rs")]
#![doc = "```"]
//!
//! and the same line with the future awaited compiles:
//!
//! ```
//! #![deny(unused_must_use)]
//! async fn caller() {
//!     ch04_async_await::lazy_future::greet().await;
//! }
//! # fn main() { drop(caller()); }
//! ```

use shared::outln;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many times the body of [`greet`] has started, so a test can see that creating the
/// future did not run it.
pub static GREET_BODY_RUNS: AtomicUsize = AtomicUsize::new(0);

// ANCHOR: greet
/// `async def func(): print("你好")`
pub async fn greet() {
    GREET_BODY_RUNS.fetch_add(1, Ordering::SeqCst);
    outln!("你好 (the body of greet runs)");
}
// ANCHOR_END: greet

/// The tour section: create the future, show nothing ran, then run it.
pub fn show() {
    let before = GREET_BODY_RUNS.load(Ordering::SeqCst);
    let body_runs = || GREET_BODY_RUNS.load(Ordering::SeqCst) - before;
    // ANCHOR: lazy
    let future = greet(); // like `result = func()`: a coroutine object, nothing printed
    outln!(
        "greet() returned a future; its body has run {} times",
        body_runs()
    );
    shared::runtime::block_on(future); // like `asyncio.run(result)`
    outln!("after block_on, its body has run {} times", body_runs());
    // ANCHOR_END: lazy
}
