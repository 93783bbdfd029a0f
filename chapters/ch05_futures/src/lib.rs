//! # Chapter 5 — Futures by hand
//!
//! Retells the article's 三.5.5.1 asyncio.Future and 三.5.5.2 concurrent.future.Future (sic: the
//! module is `concurrent.futures`),
//! starting one layer below them: the [`Future`] trait itself.
//!
//! | Python                                        | Rust                                                  |
//! |-----------------------------------------------|-------------------------------------------------------|
//! | the event loop resumes a coroutine            | a runtime calls `Future::poll`                        |
//! | a coroutine's frame (its paused locals)       | the state machine the compiler makes of an `async fn` |
//! | `fut.add_done_callback(...)`                  | the future keeps `cx.waker()` and calls `wake()`      |
//! | `Task`, a subclass of `Future`                | `tokio::spawn`'s `JoinHandle`, itself a `Future`      |
//! | `fut = loop.create_future()`                  | `tokio::sync::oneshot::channel()`                     |
//! | `fut.set_result(x)` / `await fut`             | `tx.send(x)` / `rx.await`                             |
//! | `InvalidStateError` on a second `set_result`  | `send(self)`: a second send does not compile          |
//! | `await fut` nobody sets: hangs forever        | `std::future::pending()`: the same                    |
//! | `asyncio.wait_for(fut, 2)`                    | `tokio::time::timeout(Duration::from_secs(2), fut)`   |
//! | `ThreadPoolExecutor(5).submit(f, i)`          | [`thread_pool::ThreadPool::submit`]                   |
//! | `concurrent.futures.Future.result()`          | [`thread_pool::PoolFuture::result`] (blocks)          |
//! | `await asyncio.wrap_future(cfut)`             | `pool_future.await` (our pool's future is awaitable)  |

pub mod never_resolves;
pub mod oneshot_future;
pub mod pinning;
pub mod settable_future;
pub mod state_machine;
pub mod thread_pool;
pub mod timer_future;
mod tour;
pub mod wrap_future;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch05`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
