//! # Chapter 10 — async context managers
//!
//! Retells the article's 三.5.7 异步上下文管理器 (async context managers): `async with`, `__aenter__` and `__aexit__`,
//! with its database example fixed and run against a real TCP connection, and what Rust does
//! where Python relies on `__aexit__` being awaited even when a task is cancelled.
//!
//! | Python (asyncio)                               | Rust (tokio)                                          |
//! |------------------------------------------------|-------------------------------------------------------|
//! | `__aenter__` / `__aexit__`                     | [`AsyncContextManager::enter`] / `exit`               |
//! | `async with cm as f: body`                     | `with(cm, async \|f\| { body }).await`                |
//! | `__aexit__(exc_type, exc, tb)`                 | `exit(self, Outcome)`: returned, failed, panicked, cancelled |
//! | `task.cancel()`: `CancelledError` in the body, `__aexit__` awaited | the future is dropped: `Drop` *spawns* the exit |
//! | `__del__`                                      | `impl Drop`: synchronous, there is no async drop      |
//! | `contextlib.AsyncExitStack` (any mix of managers) | `Vec<Box<dyn DynAsyncContextManager<E>>>` (`async-trait`) |
//! | `NameError` / a coroutine never awaited         | compile errors (see [`database`])                     |
//!
//! [`AsyncContextManager::enter`]: context_manager::AsyncContextManager::enter

pub mod connection;
pub mod context_manager;
pub mod database;
pub mod dyn_manager;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch10`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
