//! 三.5.4 Task 对象: a task with a name, like `asyncio.create_task(coro, name="n0")`.
//!
//! `tokio::spawn` is `asyncio.create_task`: it hands the future to the runtime, which starts
//! polling it at its next chance, and returns a [`JoinHandle`], the caller's side of the task.
//! Awaiting the handle gives the task's output, or a [`JoinError`] if the task panicked or was
//! aborted. What tokio does not give a task on stable Rust is a *name*: `tokio::task::Builder`
//! names tasks only under `--cfg tokio_unstable`, and then only for debuggers to see.
//!
//! So this module wraps the handle with the name the caller chose. A [`NamedTask`] is a
//! future, like an `asyncio.Task` is awaitable, and it resolves to [`Finished`]: the name and
//! the result, where the error side says in words what became of the task. Everything the
//! reader sees about a task, in normal output and in errors, carries its name.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::task::{JoinError, JoinHandle};

// ANCHOR: named_task
/// A spawned task and the name it was given: `asyncio.Task` with `get_name()`.
#[derive(Debug)]
pub struct NamedTask<T> {
    name: String,
    handle: JoinHandle<T>,
}

/// `asyncio.create_task(future, name=name)`: start `future` as a task of its own.
///
/// Like `tokio::spawn`, this must be called inside a runtime, and the task runs whether or
/// not anybody awaits the returned [`NamedTask`].
pub fn spawn_named<F>(name: impl Into<String>, future: F) -> NamedTask<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    NamedTask {
        name: name.into(),
        handle: tokio::spawn(future),
    }
}

impl<T> NamedTask<T> {
    /// `task.get_name()`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `task.done()`: it has returned, panicked or been cancelled.
    pub fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    /// `task.cancel()`: the task stops at the `.await` it is suspended in (see `cancellation`).
    pub fn abort(&self) {
        self.handle.abort();
    }
}

/// Awaiting a named task gives its name and its result, whatever became of it.
impl<T> Future for NamedTask<T> {
    type Output = Finished<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Finished<T>> {
        // A JoinHandle is Unpin, so it can be polled through a plain `&mut`.
        let result = std::task::ready!(Pin::new(&mut self.handle).poll(cx));
        Poll::Ready(Finished {
            name: std::mem::take(&mut self.name),
            result: result.map_err(Failure::from),
        })
    }
}
// ANCHOR_END: named_task

// ANCHOR: finished
/// A task that has finished: `task.get_name()` and `task.result()` in one value.
#[derive(Debug)]
pub struct Finished<T> {
    /// The name it was spawned with.
    pub name: String,
    /// What it returned, or why it returned nothing.
    pub result: Result<T, Failure>,
}

/// Why a task has no result: what `task.result()` would raise in Python.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// It was aborted (`CancelledError`).
    Cancelled,
    /// It panicked, with this message (the exception it died of).
    Panicked(String),
}

impl From<JoinError> for Failure {
    fn from(error: JoinError) -> Self {
        match error.try_into_panic() {
            // A panic's payload is a `Box<dyn Any>`; `shared::panics::message` reads the text.
            Ok(payload) => Failure::Panicked(shared::panics::message(&*payload).to_owned()),
            // The only other way for a task to end without a result.
            Err(_cancelled) => Failure::Cancelled,
        }
    }
}
// ANCHOR_END: finished

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Cancelled => f.write_str("was cancelled"),
            Failure::Panicked(message) => write!(f, "panicked: {message}"),
        }
    }
}

impl std::error::Error for Failure {}

/// `n0 -> 2` for a result, `n1 panicked: boom` for a failure.
impl<T: fmt::Display> fmt::Display for Finished<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.result {
            Ok(value) => write!(f, "{} -> {value}", self.name),
            Err(failure) => write!(f, "{} {failure}", self.name),
        }
    }
}
