//! Where control goes when a greenlet finishes, and where its panic goes.
//!
//! greenlet's rules, which the [`Hub`] follows:
//!
//! - a greenlet whose function returns is dead, and its return value is switched to its
//!   *parent*: the parent's `switch` call returns it;
//! - a greenlet whose function raises is dead too, and the exception is raised in its parent,
//!   out of the `switch` call the parent is suspended in. In Rust the exception is a panic: it
//!   unwinds the child's own stack first (destructors run, as `finally` blocks do), then goes
//!   on unwinding in the parent, which can catch it there with `catch_unwind`;
//! - a switch to a dead greenlet lands in its parent instead.
//!
//! Here `outer` (a child of main) has two children, one that returns and one that panics; then
//! `outer` panics itself, and the panic comes out of main's `Hub::switch`.

use crate::greenlet::{Greenlet, Hub};
use shared::outln;
use std::panic::{self, AssertUnwindSafe};

/// Prints when dropped: a stand-in for a child's cleanup (a `finally` block in Python).
struct Cleanup(&'static str);

impl Drop for Cleanup {
    fn drop(&mut self) {
        outln!("{}", self.0);
    }
}

/// The tour section.
pub fn show() {
    // ANCHOR: family
    let hub = Hub::new();
    let outer = hub.greenlet(); // parent: main
    let finisher = hub.child_of(outer); // greenlet(finish, parent=outer)
    let failer = hub.child_of(outer); // greenlet(fail, parent=outer)
    hub.set_run(finisher, |_, n| {
        outln!("finisher: returning {}", n * 2);
        n * 2
    });
    hub.set_run(failer, |_, _| {
        let _cleanup = Cleanup("failer: my cleanup runs while the failure leaves my stack");
        outln!("failer: failing");
        panic!("failer failed");
    });
    // ANCHOR_END: family
    // ANCHOR: outer
    hub.set_run(outer, move |g, n| {
        outln!("outer: switching to finisher with {n}");
        let result = g.switch(finisher, n);
        outln!("outer: finisher is done; its result came back to its parent: {result}");
        let panic = panic::catch_unwind(AssertUnwindSafe(|| g.switch(failer, 0)))
            .expect_err("failer panics");
        let message = shared::panics::message(&*panic);
        outln!("outer: failer's error surfaced in my switch call: {message}");
        let landed = g.switch(finisher, 7);
        outln!("outer: a switch to the dead finisher landed in its parent, me, with {landed}");
        outln!("outer: failing, with only main left to catch it");
        panic!("outer failed");
    });
    let panic =
        panic::catch_unwind(AssertUnwindSafe(|| hub.switch(outer, 21))).expect_err("outer panics");
    let message = shared::panics::message(&*panic);
    outln!("main: outer's error surfaced in main's switch call: {message}");
    // ANCHOR_END: outer
    let dead = |greenlet: Greenlet| hub.is_dead(greenlet);
    outln!(
        "main: dead? outer {}, finisher {}, failer {}",
        dead(outer),
        dead(finisher),
        dead(failer)
    );
}
