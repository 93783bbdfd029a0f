//! 三.5.7 异步上下文管理器: `async with` — an async context manager trait and the `with` helper that runs it.
//!
//! Python's `async with cm as f: body` awaits `cm.__aenter__()`, runs the body, and then awaits
//! `cm.__aexit__(exc_type, exc, tb)` however the body ended: it returned, it raised, or its task
//! was cancelled (in Python, cancellation is an exception, `CancelledError`, thrown into the
//! body, so `__aexit__` runs and can `await` like on any other exception).
//!
//! Rust has no `async with` statement, so the same contract is a trait,
//! [`AsyncContextManager`], and a function, [`with`]. The body ends in one of four ways, and
//! [`with`] handles each:
//!
//! | how the body ends           | what [`with`] does                                            |
//! |-----------------------------|---------------------------------------------------------------|
//! | returns `Ok`                | awaits `exit(Returned)`, then returns the value               |
//! | returns `Err` (a `?`)       | awaits `exit(Failed)`, then returns the error                 |
//! | panics                      | catches the panic, awaits `exit(Panicked)`, re-raises it      |
//! | its future is dropped       | cannot await anything: a guard's `Drop` *spawns* `exit(Cancelled)` |
//!
//! The last row is where Rust differs from Python. Cancelling a Rust future (`JoinHandle::abort`,
//! a `timeout`, the losing branch of `select!`) does not run any more of its code: the future is
//! dropped, and `Drop` is synchronous. There is no async drop. So the exit that could not be
//! awaited is handed to the runtime as a new task, and runs a moment later.
//!
//! # Why the trait spells out `+ Send`
//!
//! With a bare `async fn` in the trait, generic code cannot spawn the future it returns, as the
//! guard below does with the cancelled exit (error E0277: the future "cannot be sent between
//! threads safely"):
//!
#![doc = "```compile_fail,E0277"]
#![doc = include_str!("../compile_fail/spawn_bare_async_fn.rs")]
#![doc = "```"]
//!
//! The same code with the method written as `fn … -> impl Future + Send` compiles:
//!
//! ```
//! use ch10_async_guards::context_manager::Outcome;
//!
//! trait SendManager: Send + 'static {
//!     fn exit(self, outcome: Outcome) -> impl Future<Output = ()> + Send;
//! }
//!
//! fn exit_later<M: SendManager>(manager: M) {
//!     tokio::spawn(manager.exit(Outcome::Cancelled));
//! }
//! # fn main() {}
//! ```
//!
//! rustc warns about a bare `async fn` in a public trait for that reason (lint
//! `async_fn_in_trait`; denied here to make the warning a checked error):
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/async_fn_in_pub_trait.rs")]
#![doc = "```"]

use futures::FutureExt;
use std::fmt;
use std::future::Future;
use std::panic::AssertUnwindSafe;

/// How the body of a [`with`] block ended: what Python passes to `__aexit__` as
/// `(exc_type, exc, tb)`, reduced to what an exit usually needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The body returned `Ok` (`exc_type is None`).
    Returned,
    /// The body returned `Err`, usually through `?` (an exception).
    Failed,
    /// The body panicked (an exception nobody planned for).
    Panicked,
    /// The future running the body was dropped before it finished (`CancelledError`).
    Cancelled,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Returned => "the block returned",
            Outcome::Failed => "the block failed",
            Outcome::Panicked => "the block panicked",
            Outcome::Cancelled => "the block was cancelled",
        })
    }
}

// ANCHOR: trait
/// `__aenter__` and `__aexit__`.
///
/// Both methods are written `fn … -> impl Future + Send` here, and implemented with plain
/// `async fn` (see [`Database`](crate::database::Database)). The `+ Send` is what lets
/// generic code spawn the exit (the module docs show a bare `async fn` failing at that).
/// Native async trait methods are enough for generic code such as [`with`]; only a
/// `dyn AsyncContextManager` needs more (see
/// [`DynAsyncContextManager`](crate::dyn_manager::DynAsyncContextManager)).
pub trait AsyncContextManager: Send + 'static {
    /// What enter and exit can fail with.
    type Error;

    /// `__aenter__`: acquire the resource. If it fails, there is nothing to exit.
    fn enter(&mut self) -> impl Future<Output = Result<(), Self::Error>> + Send;

    /// `__aexit__`: release the resource. It takes `self`: after it, the manager is gone.
    fn exit(self, outcome: Outcome) -> impl Future<Output = Result<(), Self::Error>> + Send;
}
// ANCHOR_END: trait

// ANCHOR: with
/// `async with manager as m: body(m)`.
///
/// `exit` runs exactly once if `enter` succeeded, however `body` ends (see the module docs).
/// The body's error wins over an error of the exit that follows it, and a panic is re-raised
/// after the exit, so the caller sees what went wrong first.
pub async fn with<M, T, E>(
    mut manager: M,
    body: impl AsyncFnOnce(&mut M) -> Result<T, E>,
) -> Result<T, E>
where
    M: AsyncContextManager,
    E: From<M::Error>,
{
    manager.enter().await?;
    // From here on the manager lives in a guard: if this future is dropped while the body is
    // suspended, the guard's Drop is the only code that still runs.
    let mut guard = ExitOnDrop(Some(manager));
    let ended = AssertUnwindSafe(body(guard.manager())).catch_unwind().await;
    let manager = guard.disarm(); // the body is over: exit here, with an await
    match ended {
        Ok(Ok(value)) => {
            manager.exit(Outcome::Returned).await?;
            Ok(value)
        }
        Ok(Err(error)) => {
            let _ = manager.exit(Outcome::Failed).await; // the body's error is the news
            Err(error)
        }
        Err(panic) => {
            let _ = manager.exit(Outcome::Panicked).await;
            std::panic::resume_unwind(panic)
        }
    }
}
// ANCHOR_END: with

// ANCHOR: exit_on_drop
/// Holds the entered manager while the body runs; dropped still holding it only when the
/// [`with`] future itself was dropped mid-body, i.e. cancelled.
struct ExitOnDrop<M: AsyncContextManager>(Option<M>);

impl<M: AsyncContextManager> ExitOnDrop<M> {
    fn manager(&mut self) -> &mut M {
        self.0.as_mut().expect("the manager stays until disarm")
    }

    fn disarm(mut self) -> M {
        self.0.take().expect("disarmed once")
    }
}

impl<M: AsyncContextManager> Drop for ExitOnDrop<M> {
    fn drop(&mut self) {
        let Some(manager) = self.0.take() else {
            return; // disarmed: `with` awaited the exit itself
        };
        // No async drop: the exit cannot be awaited here, so it becomes a task of its own.
        // It needs a runtime to run on; without one, dropping the manager is all we can do,
        // and the resource's own Drop is the last line of defence.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                let _ = manager.exit(Outcome::Cancelled).await; // nobody is left to tell
            });
        }
    }
}
// ANCHOR_END: exit_on_drop
