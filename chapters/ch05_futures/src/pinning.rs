//! 三.5.5.1 asyncio.Future, underneath: why `poll` takes `Pin<&mut Self>`.
//!
//! An `async fn` may borrow one of its own locals across an `.await`. Both the local and the
//! borrow then live *inside the future* (in its state, see [`crate::state_machine`]), so the
//! future holds a pointer into itself. Moving such a future to another address after it has
//! been polled would leave that pointer aimed at the old place.
//!
//! `Pin<&mut F>` is a `&mut F` with a promise attached: the value will not move again. `poll`
//! demands it, so a future can rely on its address from the first poll on. Futures that hold
//! no such pointer (like [`crate::timer_future::TimerFuture`]) implement [`Unpin`], "moving me
//! is fine anyway", and [`Pin::new`](std::pin::Pin::new) wraps a plain `&mut` to one of them. The future of an
//! `async fn` is not `Unpin`, so the compiler refuses `Pin::new` on it:
//!
#![doc = "```compile_fail,E0277"]
#![doc = include_str!("../compile_fail/pin_new_async_fn.rs")]
#![doc = "```"]
//!
//! Pinning it first is the fix: `std::pin::pin!(future)` pins it on the stack, `Box::pin` on
//! the heap, and `.await` pins the awaited future for you, which is why `async` code rarely
//! says `Pin` at all. Hand-written futures and combinators are where it shows up.

use shared::outln;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: sum_later
/// Sum four numbers after a pause, borrowing them across the `.await`.
///
/// Stores in `seen` the address `slice` points to, so the tour can show where that is.
pub async fn sum_later(seen: &AtomicUsize) -> u32 {
    let numbers = [1, 2, 3, 4];
    let slice = &numbers[..]; // a borrow of a local …
    seen.store(slice.as_ptr() as usize, Ordering::SeqCst);
    tokio::task::yield_now().await; // … alive across an await: both live in the future
    slice.iter().sum()
}
// ANCHOR_END: sum_later

/// The tour section: show that the future points into itself.
pub fn show() {
    // ANCHOR: pin
    let seen = AtomicUsize::new(0);
    let future = std::pin::pin!(sum_later(&seen)); // pinned: it stays at this address
    let start = &*future as *const _ as usize;
    let end = start + std::mem::size_of_val(&*future);
    let sum = shared::runtime::block_on(future);
    let inside = (start..end).contains(&seen.load(Ordering::SeqCst));
    outln!("sum_later returned {sum}");
    outln!("while it waited, `slice` pointed inside the future itself: {inside}");
    // ANCHOR_END: pin
}
