//! 三.5.2 快速上手: `asyncio.run(main())` in Rust.
//!
//! `asyncio.run` makes an event loop, runs one coroutine to completion on it and closes the
//! loop. tokio spells it two ways, and they are the same thing:
//!
//! - by hand: build a [`tokio::runtime::Runtime`] and call `block_on(future)`;
//! - with the attribute `#[tokio::main]`, which rewrites an `async fn` into a plain `fn` whose
//!   body builds that runtime and calls `block_on` on the original body.
//!
//! The attribute is usually put on `main`, but any function will do, which lets the tour
//! show both side by side.

use shared::outln;

// ANCHOR: by_hand
/// `asyncio.run(func())`, spelled out: a runtime, `block_on`, and the runtime dropped at the end.
pub fn run_by_hand() -> u32 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime needs an epoll instance and nothing else");
    runtime.block_on(answer())
}
// ANCHOR_END: by_hand

// ANCHOR: attribute
/// The same with `#[tokio::main]`: from the outside this is a plain, blocking `fn`.
#[tokio::main(flavor = "current_thread")]
pub async fn run_with_attribute() -> u32 {
    answer().await
}
// ANCHOR_END: attribute

async fn answer() -> u32 {
    tokio::task::yield_now().await; // a real suspension point, so a loop is really needed
    2
}

/// The tour section.
pub fn show() {
    outln!(
        "Runtime::block_on(answer())            -> {}",
        run_by_hand()
    );
    outln!(
        "#[tokio::main] fn run_with_attribute() -> {}",
        run_with_attribute()
    );
}
