//! # Chapter 11 — swapping the event loop
//!
//! Retells the article's 三.6 uvloop. Python's asyncio lets a program replace its event loop
//! without touching the code above it: `uvloop.run(main())` (formerly
//! `asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())` + `asyncio.run(main())`) runs the
//! same coroutines on libuv. Rust has no built-in loop: any *executor* can poll any future, so
//! "swapping the loop" means choosing a runtime where the program starts. This chapter runs
//! one set of workloads on six executors and puts them beside asyncio and uvloop.
//!
//! | Python (asyncio, uvloop)                                   | Rust (this chapter)                                   |
//! |------------------------------------------------------------|-------------------------------------------------------|
//! | `asyncio.run(main())`                                      | `#[tokio::main]`, `Runtime::block_on(main())`         |
//! | `uvloop.run(main())`                                       | another executor's `block_on`: smol, futures, ch. 6   |
//! | `asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())`  | `tokio::runtime::Builder::new_current_thread()` / `new_multi_thread()` |
//! | one loop per thread, always                                | current-thread, or a work-stealing pool of N threads  |
//! | `asyncio.create_task(coro)`                                | [`Executor::spawn`]: `tokio::spawn`, `smol::spawn`, … |
//! | `await asyncio.sleep(0)`                                   | `futures_lite::future::yield_now().await`             |
//! | `asyncio.Event().wait()`                                   | `tokio::sync::Notify::notified().await` (any executor)|
//! | a library that needs a specific loop (uvloop-only)         | tokio's timers and sockets need a tokio runtime       |
//!
//! Start with [`executors`] (the six executors behind one trait), then [`workloads`] (the four
//! workloads), [`side_by_side`] (all of them, one table), [`portability`] (what runs where) and
//! [`bench`] (the rows `just bench` measures beside asyncio and uvloop).

pub mod bench;
pub mod executors;
pub mod memory;
pub mod portability;
pub mod side_by_side;
pub mod swap_loop;
mod tour;
pub mod workloads;

pub use executors::{Executor, Kind};
pub use tour::tour;

/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch11`), the reference solutions otherwise.
#[cfg(feature = "attempt")]
#[path = "../exercises/mod.rs"]
pub mod exercises;
/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch11`), the reference solutions otherwise.
#[cfg(not(feature = "attempt"))]
#[path = "../solutions/mod.rs"]
pub mod exercises;
