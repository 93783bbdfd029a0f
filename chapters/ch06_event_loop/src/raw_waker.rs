//! What `impl Wake` hides: a [`Waker`] built by hand from a [`RawWaker`] and its vtable.
//!
//! A `Waker` is two pointers: a data pointer, and a table of four functions (`clone`, `wake`,
//! `wake_by_ref`, `drop`) that know what the data is. That type erasure is why one `Waker`
//! type serves every executor without generics or a `Box<dyn>`. The executor in this chapter
//! gets its wakers from `Waker::from(Arc<TaskWaker>)`, which the standard library builds for
//! any `W: Wake` exactly as [`waker_from_arc`] does below: the data pointer is the `Arc`'s,
//! `clone` adds a reference, `wake` and `drop` give one back, `wake_by_ref` borrows one.
//!
//! Get one of those counts wrong and you have a use-after-free or a leak that no compiler
//! catches, which is why `Wake` exists and why this module is the chapter's only `unsafe` code.
//! Its tests run under Miri, which does catch them:
//! `cargo +nightly miri test -p ch06_event_loop --lib raw_waker`.

use shared::outln;
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{RawWaker, RawWakerVTable, Wake, Waker};

// ANCHOR: vtable
/// `Waker::from(arc)`, by hand.
pub fn waker_from_arc<W: Wake + Send + Sync + 'static>(wake: Arc<W>) -> Waker {
    let data = Arc::into_raw(wake).cast::<()>();
    // SAFETY: `data` comes from `Arc::into_raw::<W>`, and the vtable's functions use it as
    // exactly that, keeping `RawWaker`'s contract: `clone` makes a new reference, `wake` and
    // `drop` consume one, `wake_by_ref` consumes none. `W: Send + Sync`, so the waker may be
    // used from any thread.
    unsafe { Waker::from_raw(RawWaker::new(data, vtable::<W>())) }
}

fn vtable<W: Wake + Send + Sync + 'static>() -> &'static RawWakerVTable {
    &RawWakerVTable::new(clone::<W>, wake::<W>, wake_by_ref::<W>, drop_waker::<W>)
}

/// `waker.clone()`: one more reference to the same `Arc`, in a new `RawWaker`.
unsafe fn clone<W: Wake + Send + Sync + 'static>(data: *const ()) -> RawWaker {
    // SAFETY: `data` is from `Arc::into_raw::<W>`, and the waker being cloned still owns its
    // reference, so the `Arc` is alive.
    unsafe { Arc::increment_strong_count(data.cast::<W>()) };
    RawWaker::new(data, vtable::<W>())
}

/// `waker.wake()`: consumes the waker, so it takes over the waker's reference.
unsafe fn wake<W: Wake + Send + Sync + 'static>(data: *const ()) {
    // SAFETY: `data` is from `Arc::into_raw::<W>`; the consumed waker's reference moves into
    // this `Arc`, which `W::wake` drops when done.
    let arc = unsafe { Arc::from_raw(data.cast::<W>()) };
    arc.wake();
}

/// `waker.wake_by_ref()`: borrows the waker's reference, and must not give it back.
unsafe fn wake_by_ref<W: Wake + Send + Sync + 'static>(data: *const ()) {
    // SAFETY: `data` is from `Arc::into_raw::<W>` and the waker keeps owning its reference:
    // `ManuallyDrop` stops this temporary `Arc` from releasing it.
    let arc = ManuallyDrop::new(unsafe { Arc::from_raw(data.cast::<W>()) });
    W::wake_by_ref(&arc);
}

/// Dropping the waker: its reference goes back.
unsafe fn drop_waker<W: Wake + Send + Sync + 'static>(data: *const ()) {
    // SAFETY: `data` is from `Arc::into_raw::<W>`, and the waker being dropped owned this
    // reference; it is never used again.
    drop(unsafe { Arc::from_raw(data.cast::<W>()) });
}
// ANCHOR_END: vtable

/// A [`Wake`] that only counts its wake-ups: something to watch the reference counts with.
#[derive(Debug, Default)]
pub struct WakeCounter(AtomicUsize);

impl WakeCounter {
    /// How many wake-ups so far.
    pub fn wakes(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

impl Wake for WakeCounter {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// The tour section: each step of a waker's life, with the `Arc`'s reference count after it.
pub fn show() {
    let counter = Arc::new(WakeCounter::default());
    let step = |what: &str| {
        outln!(
            "{what:<44} wakes: {}, references: {}",
            counter.wakes(),
            Arc::strong_count(&counter)
        );
    };
    // ANCHOR: steps
    let waker = waker_from_arc(Arc::clone(&counter));
    step("let waker = waker_from_arc(counter.clone())");
    let clone = waker.clone();
    step("let clone = waker.clone()");
    waker.wake_by_ref();
    step("waker.wake_by_ref()");
    clone.wake();
    step("clone.wake()");
    drop(waker);
    step("drop(waker)");
    // ANCHOR_END: steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::Future;

    #[test]
    fn every_operation_keeps_the_reference_count_right() {
        let counter = Arc::new(WakeCounter::default());
        let waker = waker_from_arc(Arc::clone(&counter));
        assert_eq!(Arc::strong_count(&counter), 2);
        let clone = waker.clone();
        assert_eq!(Arc::strong_count(&counter), 3);
        waker.wake_by_ref();
        assert_eq!((counter.wakes(), Arc::strong_count(&counter)), (1, 3));
        clone.wake();
        assert_eq!((counter.wakes(), Arc::strong_count(&counter)), (2, 2));
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1);
    }

    #[test]
    fn a_clone_can_wake_from_another_thread() {
        let counter = Arc::new(WakeCounter::default());
        let waker = waker_from_arc(Arc::clone(&counter));
        let clone = waker.clone();
        std::thread::spawn(move || clone.wake()).join().unwrap();
        drop(waker);
        assert_eq!((counter.wakes(), Arc::strong_count(&counter)), (1, 1));
    }

    #[test]
    fn it_drives_a_future_like_any_waker() {
        let counter = Arc::new(WakeCounter::default());
        let waker = waker_from_arc(Arc::clone(&counter));
        let mut cx = std::task::Context::from_waker(&waker);
        let mut yielded = false;
        // A future that asks to be polled again once: it wakes itself through our vtable.
        let mut future = std::pin::pin!(std::future::poll_fn(|cx| {
            if yielded {
                return std::task::Poll::Ready(7);
            }
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }));
        assert!(future.as_mut().poll(&mut cx).is_pending());
        assert_eq!(counter.wakes(), 1);
        assert_eq!(future.as_mut().poll(&mut cx), std::task::Poll::Ready(7));
        drop(waker);
        assert_eq!(Arc::strong_count(&counter), 1);
    }
}
