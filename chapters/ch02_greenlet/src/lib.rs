//! # Chapter 2 — greenlet: stackful coroutines
//!
//! Retells the article's 三.3.1 greenlet: two functions that switch into each other,
//! printing 1 3 2 4. Python's greenlet switches *symmetrically* (any greenlet can jump into
//! any other); corosensei's coroutines are *asymmetric* (resume one, it suspends back to you).
//! [`greenlet`] bridges the two with a trampoline; the other modules use it.
//!
//! | Python (greenlet)                        | Rust (corosensei + this chapter's `Hub`)            |
//! |------------------------------------------|-----------------------------------------------------|
//! | `gr = greenlet(func)`                    | `let gr = hub.greenlet(); hub.set_run(gr, func)`    |
//! | `greenlet(func, parent=p)`               | `hub.child_of(p)`                                   |
//! | `gr.switch(value)` in the main code      | `hub.switch(gr, value)` (runs the trampoline)       |
//! | `gr.switch(value)` inside a greenlet     | `g.switch(gr, value)`, `g` the greenlet's `Current` |
//! | `greenlet.getcurrent()` in the main code | `Greenlet::MAIN`                                    |
//! | `gr.dead`                                | `hub.is_dead(gr)`                                   |
//! | a greenlet returns: value to its parent  | the same: its parent's `switch` returns the value   |
//! | a greenlet raises: raised in its parent  | a panic: resumed in the parent's `switch` call      |
//! | `GreenletExit` thrown into the abandoned | dropping the `Hub` unwinds suspended greenlets      |
//! | stack slices copied to the heap          | one `mmap`ed stack (1 MiB + guard page) each        |

pub mod bench;
pub mod deep_switch;
pub mod greenlet;
pub mod guard_page;
pub mod parents;
pub mod switch_cost;
pub mod switch_listing;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch02`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
