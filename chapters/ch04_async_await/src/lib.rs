//! # Chapter 4 — `async`, `await` and `asyncio.run`
//!
//! Retells the article's 三.3.4 async & await, 三.4 协程的意义 (what coroutines are for: the
//! three-image download), 三.5.2 快速上手 (quick start) and 三.5.3 await (the four `await`
//! examples).
//!
//! | Python (asyncio)                         | Rust (tokio)                                      |
//! |------------------------------------------|---------------------------------------------------|
//! | `async def f(): ...`                     | `async fn f() { ... }`                            |
//! | `f()` gives a coroutine object           | `f()` gives a future (an anonymous state machine) |
//! | a coroutine never awaited: a warning     | a future never awaited: a compile-time warning    |
//! | `asyncio.run(main())`                    | `Runtime::block_on(main())` / `#[tokio::main]`    |
//! | `await asyncio.sleep(2)`                 | `tokio::time::sleep(Duration::from_secs(2)).await`|
//! | `asyncio.create_task(coro)`              | `tokio::spawn(future)`                            |
//! | `await asyncio.wait(tasks)`              | `.await` each `JoinHandle` (or a `JoinSet`)       |
//! | `requests.get` / `aiohttp` + `aiofile`   | `reqwest::blocking` / `reqwest` + `tokio::fs`     |

pub mod asyncio_run;
pub mod await_examples;
pub mod image_download;
pub mod lazy_future;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch04`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
