//! Counting how often a loop polls a future.
//!
//! The difference between the article's loop and a real one is how often a waiting task gets
//! polled: over and over, or once per wake-up. [`PollCounter::wrap`] makes that visible
//! without touching the loop, so the same count can be taken on this chapter's executor and on
//! tokio. It is `Send`, so tokio's `spawn` accepts a wrapped future.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

/// A shared count of polls; clones count together.
#[derive(Debug, Clone, Default)]
pub struct PollCounter(Arc<AtomicUsize>);

/// A future that counts its polls in a [`PollCounter`], then polls the future it wraps.
#[derive(Debug)]
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct Counted<F> {
    // Boxed so that `Counted` is `Unpin` and needs no pin projection (no `unsafe`).
    future: Pin<Box<F>>,
    counter: PollCounter,
}

impl PollCounter {
    /// `future`, counting its polls here.
    pub fn wrap<F: Future>(&self, future: F) -> Counted<F> {
        Counted {
            future: Box::pin(future),
            counter: self.clone(),
        }
    }

    /// How many polls so far.
    pub fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

impl<F: Future> Future for Counted<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.counter.0.fetch_add(1, Ordering::Relaxed);
        self.future.as_mut().poll(cx)
    }
}
