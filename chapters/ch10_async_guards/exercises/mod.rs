//! # Chapter 10 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch10`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch10 exit_all`.
//! The statements, with the solutions folded away, are also in the book's chapter 10.
//! Together they are Python's `contextlib.AsyncExitStack`, for managers of any type.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::context_manager::Outcome;
use crate::dyn_manager::Boxed;

// ANCHOR: exit_all
/// Exercise `exit_all`: exit every manager with `outcome`, the last one first (they were
/// entered in the order of the vector). Every manager is exited even when an earlier exit
/// failed; the result is the first error met, if any. In Python (what `AsyncExitStack` does
/// on its way out, simplified):
///
/// ```python
/// async def exit_all(managers, exc_type=None, exc=None, tb=None):
///     first_error = None
///     for manager in reversed(managers):
///         try:
///             await manager.__aexit__(exc_type, exc, tb)
///         except Exception as error:
///             if first_error is None:
///                 first_error = error
///     if first_error is not None:
///         raise first_error
/// ```
pub async fn exit_all<E>(managers: Vec<Boxed<E>>, outcome: Outcome) -> Result<(), E> {
    todo!("exercise `exit_all` is not written yet (ask for a hint: just hint ch10 exit_all)")
}
// ANCHOR_END: exit_all

// ANCHOR: enter_all
/// Exercise `enter_all`: enter every manager, in order, and hand them all back entered.
/// If one fails to enter, exit those already entered (last first, outcome `Failed`) and
/// return that enter's error: nothing is left open.
pub async fn enter_all<E>(managers: Vec<Boxed<E>>) -> Result<Vec<Boxed<E>>, E> {
    todo!("exercise `enter_all` is not written yet (ask for a hint: just hint ch10 enter_all)")
}
// ANCHOR_END: enter_all
