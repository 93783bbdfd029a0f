//! The bridge: greenlet's symmetric `switch()` built on corosensei's asymmetric coroutines.
//!
//! A Python greenlet can jump straight into any other greenlet: `gr2.switch()` suspends the
//! running one and resumes `gr2` where it stopped. corosensei offers the other kind of
//! coroutine, the *asymmetric* one: a caller `resume`s a coroutine, and the coroutine can only
//! `suspend` back to that caller. Both kinds give each coroutine a stack of its own, so either
//! can stop in the middle of any call chain.
//!
//! Symmetric switching is built from the asymmetric kind with a *trampoline*, the same trick
//! Lua and many fiber libraries use. The main code, on the thread's own stack, runs a loop in
//! [`Hub::switch`]: it resumes one greenlet, and a greenlet that wants to switch does not jump
//! anywhere itself; it suspends, handing the loop a note "switch to gr2 with this value". The
//! loop then resumes gr2. Seen from the greenlets, control went straight from one to the other.
//! The price is that a switch between two greenlets is two stack switches (up to the loop, down
//! into the target), where Python's greenlet makes one; `switch_cost` measures it.
//!
//! The rest of greenlet's model comes along:
//!
//! - every greenlet has a *parent* (the main greenlet unless said otherwise); when its function
//!   returns, its return value is switched to its parent;
//! - when its function panics, the panic surfaces in its parent, out of the `switch` call the
//!   parent is suspended in (where Python raises the exception), and can be caught there;
//! - a switch to a finished greenlet goes to its parent instead (or the parent's parent ...);
//! - dropping the [`Hub`] unwinds every greenlet that is still suspended, so their destructors
//!   run and nothing is left behind (Python throws `GreenletExit` into them for the same reason).
//!
//! Every greenlet of a hub passes values of one type `T` (Python passes any object).

use corosensei::{Coroutine, CoroutineResult, Yielder};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

/// A greenlet of a [`Hub`]: a small copyable handle, like a reference to a Python greenlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Greenlet(usize);

impl Greenlet {
    /// The main greenlet: the code that calls [`Hub::switch`], on the thread's own stack.
    /// It is the parent of every greenlet made with [`Hub::greenlet`] and is never dead.
    pub const MAIN: Greenlet = Greenlet(0);
}

/// A panic on its way from one greenlet to another.
type Panic = Box<dyn Any + Send>;

// ANCHOR: messages
/// What a suspended greenlet is given when control comes back to it.
enum Resume<T> {
    /// `switch` returns this value.
    Value(T),
    /// A child panicked: `switch` goes on panicking with it, in this greenlet.
    Raise(Panic),
}

impl<T> Resume<T> {
    /// The value `switch` returns, or the child's panic, resumed here.
    fn into_value(self) -> T {
        match self {
            Resume::Value(value) => value,
            Resume::Raise(panic) => panic::resume_unwind(panic),
        }
    }
}

/// What a greenlet hands the trampoline when it suspends: where to go next, with what.
struct SwitchTo<T> {
    target: Greenlet,
    value: T,
}
// ANCHOR_END: messages

/// The corosensei coroutine behind a greenlet: resumed with a [`Resume`], it suspends with a
/// [`SwitchTo`] or returns its function's result.
type Stackful<T> = Coroutine<Resume<T>, SwitchTo<T>, T>;

enum State<T> {
    /// Made by [`Hub::greenlet`], waiting for [`Hub::set_run`].
    Unbound,
    /// Not started yet, or suspended inside `switch`: its coroutine waits here.
    Ready(Stackful<T>),
    /// Running now: the trampoline holds its coroutine (the main greenlet is always here).
    Running,
    /// Its function returned or panicked; its stack is freed.
    Dead,
}

struct Slot<T> {
    parent: Greenlet,
    state: State<T>,
}

/// A family of greenlets passing values of type `T`, and the trampoline that switches them.
///
/// The code that owns the hub is the main greenlet. Dropping the hub unwinds every greenlet
/// still suspended, running its destructors.
pub struct Hub<T> {
    slots: RefCell<Vec<Slot<T>>>,
    /// The greenlet the trampoline resumed last, while it runs; [`Greenlet::MAIN`] otherwise.
    current: Cell<Greenlet>,
}

/// The running greenlet's side of the hub: what its function is given to switch with.
///
/// It wraps corosensei's [`Yielder`], the only way back out of a coroutine, which is why a
/// function deep inside a greenlet must be passed it (Python finds the current greenlet in a
/// global instead).
pub struct Current<'a, T> {
    yielder: &'a Yielder<Resume<T>, SwitchTo<T>>,
}

impl<T: 'static> Hub<T> {
    /// A hub holding only the main greenlet.
    pub fn new() -> Self {
        Hub {
            slots: RefCell::new(vec![Slot {
                parent: Greenlet::MAIN,
                state: State::Running,
            }]),
            current: Cell::new(Greenlet::MAIN),
        }
    }

    /// A new greenlet whose parent is the main greenlet: Python's `greenlet()`.
    /// Give it its function with [`Hub::set_run`] before switching to it.
    pub fn greenlet(&self) -> Greenlet {
        self.child_of(Greenlet::MAIN)
    }

    /// A new greenlet whose parent is `parent`: Python's `greenlet(parent=parent)`.
    pub fn child_of(&self, parent: Greenlet) -> Greenlet {
        let mut slots = self.slots.borrow_mut();
        assert!(
            parent.0 < slots.len(),
            "{parent:?} is not a greenlet of this hub"
        );
        slots.push(Slot {
            parent,
            state: State::Unbound,
        });
        Greenlet(slots.len() - 1)
    }

    // ANCHOR: set_run
    /// Give `greenlet` the function it runs: Python's `gr.run = run`. The first switch to it
    /// calls `run(current, value)`; what `run` returns is switched to the parent.
    ///
    /// This is separate from [`Hub::greenlet`] so that two greenlets can name each other.
    pub fn set_run(&self, greenlet: Greenlet, run: impl FnOnce(&Current<'_, T>, T) -> T + 'static) {
        let mut slots = self.slots.borrow_mut();
        let slot = &mut slots[greenlet.0];
        assert!(
            matches!(slot.state, State::Unbound),
            "{greenlet:?} already has its function"
        );
        // Allocates the greenlet's stack (see `switch_cost`): the function runs only when resumed.
        slot.state = State::Ready(Coroutine::new(move |yielder, first: Resume<T>| {
            run(&Current { yielder }, first.into_value())
        }));
    }
    // ANCHOR_END: set_run

    /// Whether `greenlet` has finished, by returning or by panicking: Python's `gr.dead`.
    pub fn is_dead(&self, greenlet: Greenlet) -> bool {
        matches!(self.slots.borrow()[greenlet.0].state, State::Dead)
    }

    // ANCHOR: trampoline
    /// Switch from the main greenlet to `target`, passing `value`: Python's `target.switch(value)`
    /// called from the main code. Returns when control comes back to main, with the value it was
    /// switched back with; if a greenlet whose parent is main panics, the panic resumes here.
    ///
    /// This is the trampoline: the loop that makes the asymmetric coroutines look symmetric.
    ///
    /// # Panics
    /// When called from inside a greenlet (switch with its [`Current`] instead), when a
    /// greenlet without a function is switched to, or with the panic of a child of main.
    pub fn switch(&self, target: Greenlet, value: T) -> T {
        assert_eq!(
            self.current.get(),
            Greenlet::MAIN,
            "Hub::switch is the main greenlet's switch: inside a greenlet, switch with its Current"
        );
        let mut target = self.living(target);
        let mut resume = Resume::Value(value);
        while target != Greenlet::MAIN {
            let mut coroutine = self.take(target);
            self.current.set(target);
            // Runs `target` until it switches away, returns or panics. A panic unwinds the
            // greenlet's own stack first (its destructors run), then comes out of `resume`.
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| coroutine.resume(resume)));
            self.current.set(Greenlet::MAIN);
            (target, resume) = match outcome {
                Ok(CoroutineResult::Yield(SwitchTo {
                    target: next,
                    value,
                })) => {
                    self.slots.borrow_mut()[target.0].state = State::Ready(coroutine);
                    (self.living(next), Resume::Value(value))
                }
                // Finished: the result goes to the parent, like greenlet's.
                Ok(CoroutineResult::Return(value)) => (self.bury(target), Resume::Value(value)),
                // Panicked: the panic goes on in the parent, like greenlet's exceptions.
                Err(panic) => (self.bury(target), Resume::Raise(panic)),
            };
        }
        resume.into_value()
    }
    // ANCHOR_END: trampoline

    /// `greenlet`, or if it is dead its nearest living ancestor: where a switch to it lands.
    fn living(&self, mut greenlet: Greenlet) -> Greenlet {
        let slots = self.slots.borrow();
        while matches!(slots[greenlet.0].state, State::Dead) {
            greenlet = slots[greenlet.0].parent;
        }
        greenlet
    }

    /// Take `greenlet`'s coroutine out of its slot to resume it.
    fn take(&self, greenlet: Greenlet) -> Stackful<T> {
        let mut slots = self.slots.borrow_mut();
        match std::mem::replace(&mut slots[greenlet.0].state, State::Running) {
            State::Ready(coroutine) => coroutine,
            State::Unbound => {
                panic!("{greenlet:?} was switched to before Hub::set_run gave it a function")
            }
            State::Running | State::Dead => unreachable!("`living` only returns ready greenlets"),
        }
    }

    /// Mark `greenlet` dead (the trampoline drops its finished coroutine, stack included) and
    /// return where control goes now: its nearest living ancestor.
    fn bury(&self, greenlet: Greenlet) -> Greenlet {
        let parent = {
            let mut slots = self.slots.borrow_mut();
            slots[greenlet.0].state = State::Dead;
            slots[greenlet.0].parent
        };
        self.living(parent)
    }
}

impl<T: 'static> Default for Hub<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> fmt::Debug for Hub<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let slots = self.slots.borrow();
        let states = slots.iter().map(|slot| match slot.state {
            State::Unbound => "unbound",
            State::Ready(_) => "ready",
            State::Running => "running",
            State::Dead => "dead",
        });
        f.debug_struct("Hub")
            .field("greenlets", &states.collect::<Vec<_>>())
            .field("current", &self.current.get())
            .finish()
    }
}

// ANCHOR: current_switch
impl<T> Current<'_, T> {
    /// Switch to `target`, passing `value`: Python's `target.switch(value)` inside a greenlet.
    ///
    /// This greenlet stops here, its whole call stack kept as it is, and carries on when
    /// something switches back to it; `switch` then returns the value it was switched back
    /// with. If a child of this greenlet panics, the panic comes out of this call.
    pub fn switch(&self, target: Greenlet, value: T) -> T {
        self.yielder
            .suspend(SwitchTo { target, value })
            .into_value()
    }
}
// ANCHOR_END: current_switch

impl<T> fmt::Debug for Current<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Current").finish_non_exhaustive()
    }
}
