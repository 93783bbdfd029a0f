//! # Chapter 8 — Blocking code in an async world
//!
//! Retells the article's 三.5.5.2 concurrent.future.Future (`loop.run_in_executor`: running a
//! blocking function in a thread pool or a process pool and awaiting it) and 三.5.5.3 案例 (the
//! case: downloading images with
//! the blocking `requests` from async code). Around them: what goes wrong when blocking code runs
//! on a runtime thread, measured, and the reverse bridge, from plain threads into async code.
//!
//! | Python (asyncio)                                 | Rust (tokio)                                        |
//! |--------------------------------------------------|-----------------------------------------------------|
//! | `await loop.run_in_executor(None, f)`            | `tokio::task::spawn_blocking(f).await`              |
//! | `await asyncio.to_thread(f)`                     | `tokio::task::spawn_blocking(f).await`              |
//! | `run_in_executor(ThreadPoolExecutor(), f)`       | a `rayon::ThreadPool` + a `oneshot` channel         |
//! | `run_in_executor(ProcessPoolExecutor(), f)`      | a child process with `tokio::process::Command`      |
//! | `asyncio.wrap_future(concurrent_future)`         | `oneshot::Receiver` (the pool thread sends)         |
//! | `time.sleep(2)` in a coroutine: the loop freezes | `std::thread::sleep` in a task: the runtime freezes |
//! | `await asyncio.sleep(0)`                         | `tokio::task::yield_now().await`                    |
//! | `requests.get(url)`                              | `reqwest::blocking::get(url)`                       |
//! | `run_coroutine_threadsafe(c, loop).result()`     | `handle.block_on(future)` from a plain thread       |
//! | `asyncio.run()` in a running loop: RuntimeError  | `block_on` in a runtime: a panic                    |

pub mod executors;
pub mod image_case;
pub mod runtime_handle;
pub mod starvation;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch08`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
