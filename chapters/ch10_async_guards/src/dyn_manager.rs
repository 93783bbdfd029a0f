//! Context managers of different types behind one pointer: where `async-trait` is still needed.
//!
//! Python's `contextlib.AsyncExitStack` holds any mix of context managers and exits them in
//! reverse order. In Rust, "any mix" is a `Vec<Box<dyn Trait>>`, and
//! [`AsyncContextManager`] cannot be that trait: a method returning `impl Future` has a
//! different future type for every implementor, so the trait is not *dyn compatible*
//! (error E0038, "the trait `AsyncContextManager` is not dyn compatible"):
//!
#![doc = "```compile_fail,E0038"]
#![doc = include_str!("../compile_fail/dyn_context_manager.rs")]
#![doc = "```"]
//!
//! `#[async_trait]` rewrites every `async fn` of a trait into a method returning
//! `Pin<Box<dyn Future + Send>>`: one type for all implementors, one heap allocation per
//! call. That is the price of `dyn`, and it is only worth paying where a trait object is
//! wanted. [`DynAsyncContextManager`] is that version, implemented once for every
//! [`AsyncContextManager`], so any manager can be boxed; the chapter's exercises build an
//! exit stack on it.

use crate::context_manager::{AsyncContextManager, Outcome};
use async_trait::async_trait;

// ANCHOR: dyn_trait
/// Any entered context manager whose enter and exit fail with `E`: what an exit stack holds.
pub type Boxed<E> = Box<dyn DynAsyncContextManager<E>>;

/// [`AsyncContextManager`] in a dyn-compatible shape, for `Box<dyn DynAsyncContextManager<E>>`.
#[async_trait]
pub trait DynAsyncContextManager<E>: Send {
    /// `__aenter__`.
    async fn enter(&mut self) -> Result<(), E>;

    /// `__aexit__`: it consumes the manager, which behind a pointer is spelled `Box<Self>`.
    async fn exit(self: Box<Self>, outcome: Outcome) -> Result<(), E>;
}

#[async_trait]
impl<M> DynAsyncContextManager<M::Error> for M
where
    M: AsyncContextManager,
    M::Error: Send,
{
    async fn enter(&mut self) -> Result<(), M::Error> {
        AsyncContextManager::enter(self).await
    }

    async fn exit(self: Box<Self>, outcome: Outcome) -> Result<(), M::Error> {
        AsyncContextManager::exit(*self, outcome).await
    }
}
// ANCHOR_END: dyn_trait
