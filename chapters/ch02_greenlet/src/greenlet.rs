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
use std::rc::Rc;

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
/// [`SwitchTo`] or returns its function's result, or the panic its function ended with (caught
/// once, at the bottom of the greenlet's own stack, rather than around every switch).
type Stackful<T> = Coroutine<Resume<T>, SwitchTo<T>, Result<T, Panic>>;

/// A greenlet's coroutine where it lives from its first switch to its death. It never moves:
/// the trampoline resumes it in place (moving a coroutine in and out of its slot at every
/// switch was most of the switch's cost), and the `RefCell` is borrowed exactly while it runs.
type Pinned<T> = Rc<RefCell<Stackful<T>>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Made by [`Hub::greenlet`], waiting for [`Hub::set_run`].
    Unbound,
    /// Not started yet, suspended inside `switch`, or running now (the hub's `current`
    /// greenlet). Main is always `Ready`.
    Ready,
    /// Its function returned or panicked; its stack is freed.
    Dead,
}

struct Slot<T> {
    parent: Greenlet,
    state: State,
    /// Its coroutine, from [`Hub::set_run`] until it dies (always `None` for main).
    coroutine: Option<Pinned<T>>,
}

/// A family of greenlets passing values of type `T`, and the trampoline that switches them.
///
/// The code that owns the hub is the main greenlet. Dropping the hub unwinds every greenlet
/// still suspended, running its destructors.
///
/// Every method leaves the hub consistent when it panics: a switch to a greenlet that cannot
/// run (no function yet) fails before anything changes, and the hub can be used on.
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
                state: State::Ready,
                coroutine: None,
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
            coroutine: None,
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
            slot.state == State::Unbound,
            "{greenlet:?} already has its function"
        );
        // Allocates the greenlet's stack (see `switch_cost`): the function runs only when resumed.
        let coroutine = Coroutine::new(move |yielder, first: Resume<T>| {
            // A panic unwinds the greenlet's own stack (its destructors run) down to here.
            panic::catch_unwind(AssertUnwindSafe(|| {
                run(&Current { yielder }, first.into_value())
            }))
        });
        slot.coroutine = Some(Rc::new(RefCell::new(coroutine)));
        slot.state = State::Ready;
    }
    // ANCHOR_END: set_run

    /// Whether `greenlet` has finished, by returning or by panicking: Python's `gr.dead`.
    pub fn is_dead(&self, greenlet: Greenlet) -> bool {
        self.slots.borrow()[greenlet.0].state == State::Dead
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
    pub fn switch(&self, mut target: Greenlet, value: T) -> T {
        assert_eq!(
            self.current.get(),
            Greenlet::MAIN,
            "Hub::switch is the main greenlet's switch: inside a greenlet, switch with its Current"
        );
        let mut resume = Resume::Value(value);
        // `landing` is checked before anything changes: a switch to a greenlet without a
        // function panics and leaves the hub as it was (the greenlet that asked for it, if
        // any, stays suspended where it was).
        while let (running, Some(coroutine)) = self.landing(target) {
            self.current.set(running);
            // Runs `target` until it switches away, returns or panics.
            let outcome = coroutine.borrow_mut().resume(resume);
            self.current.set(Greenlet::MAIN);
            (target, resume) = match outcome {
                CoroutineResult::Yield(SwitchTo {
                    target: next,
                    value,
                }) => (next, Resume::Value(value)),
                // Finished: the result goes to the parent, like greenlet's.
                CoroutineResult::Return(Ok(value)) => (self.bury(running), Resume::Value(value)),
                // Panicked: the panic goes on in the parent, like greenlet's exceptions.
                CoroutineResult::Return(Err(panic)) => (self.bury(running), Resume::Raise(panic)),
            };
        }
        resume.into_value()
    }
    // ANCHOR_END: trampoline

    /// Where a switch to `greenlet` lands: `greenlet`, or if it is dead its nearest living
    /// ancestor; and that greenlet's coroutine to resume in place (`None` when it lands on
    /// main). One look at the slots per switch.
    ///
    /// # Panics
    /// When `greenlet` is not of this hub, or it lands on a greenlet without a function
    /// (nothing has changed then).
    fn landing(&self, mut greenlet: Greenlet) -> (Greenlet, Option<Pinned<T>>) {
        let slots = self.slots.borrow();
        assert!(
            greenlet.0 < slots.len(),
            "{greenlet:?} is not a greenlet of this hub"
        );
        while slots[greenlet.0].state == State::Dead {
            greenlet = slots[greenlet.0].parent;
        }
        if greenlet == Greenlet::MAIN {
            return (greenlet, None);
        }
        match (&slots[greenlet.0].state, &slots[greenlet.0].coroutine) {
            (State::Ready, Some(coroutine)) => (greenlet, Some(Rc::clone(coroutine))),
            _ => panic!("{greenlet:?} was switched to before Hub::set_run gave it a function"),
        }
    }

    /// Mark `greenlet` dead, free its coroutine (its stack) and return its parent, where
    /// control goes now (or, if the parent is dead too, to the parent's nearest living ancestor).
    fn bury(&self, greenlet: Greenlet) -> Greenlet {
        let (parent, coroutine) = {
            let mut slots = self.slots.borrow_mut();
            let slot = &mut slots[greenlet.0];
            slot.state = State::Dead;
            (slot.parent, slot.coroutine.take())
        };
        drop(coroutine); // outside the borrow: a destructor may use the hub
        parent
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
        let current = self.current.get().0;
        let states = slots.iter().enumerate().map(|(i, slot)| match slot.state {
            State::Unbound => "unbound",
            State::Ready if i == current => "running",
            State::Ready => "ready",
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
