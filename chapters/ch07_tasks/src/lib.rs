//! # Chapter 7 — Tasks and cancellation
//!
//! Retells the article's 三.5.4 Task 对象 (`create_task` with names, `asyncio.wait` with its
//! `(done, pending)`, and example 2's bare coroutines) and the task side of 三.5.3 await,
//! example 4,
//! then goes where the article stops: gathering results, cancelling, racing with `select!`,
//! and what becomes of a task that panics.
//!
//! | Python (asyncio)                              | Rust (tokio)                                          |
//! |-----------------------------------------------|-------------------------------------------------------|
//! | `asyncio.create_task(coro)`                   | `tokio::spawn(future)` → `JoinHandle<T>`              |
//! | `create_task(coro, name="n0")`, `get_name()`  | [`named_task::spawn_named`] (a wrapper of our own)    |
//! | `await task`, `task.result()`                 | `handle.await` → `Result<T, JoinError>`               |
//! | `asyncio.wait(tasks, timeout=t)`              | [`wait::wait`]: `FuturesUnordered` + `timeout_at`     |
//! | `asyncio.gather(a(), b())`                    | `tokio::join!(a(), b())`, `join_all(vec)`             |
//! | `asyncio.TaskGroup` (first error cancels)     | `tokio::try_join!`, `JoinSet`                         |
//! | `asyncio.as_completed(tasks)`                 | `JoinSet::join_next`, `FuturesUnordered`              |
//! | `task.cancel()`, `CancelledError`             | `handle.abort()`, `JoinError::is_cancelled()`         |
//! | `asyncio.wait_for(coro, t)`                   | `tokio::time::timeout(t, future)`                     |
//! | `try: … finally: cleanup()`                   | a guard whose `Drop` cleans up                        |
//! | `wait(..., return_when=FIRST_COMPLETED)`      | `tokio::select!`                                      |
//! | an exception escaping a task                  | a panic, caught at the task: `JoinError::is_panic()`  |

pub mod as_completed;
pub mod bare_futures;
pub mod cancellation;
pub mod create_task;
pub mod ensure_future;
pub mod error_handling;
pub mod gather;
pub mod named_task;
pub mod panics;
pub mod select_race;
pub mod shared_state;
mod tour;
pub mod wait;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch07`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
