//! # Chapter 2 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch02`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch02 leaves`.
//! The statements, with the solutions folded away, are also in the book's chapter 2.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::deep_switch::Walk;

// ANCHOR: leaves
/// Exercise `leaves`: the leaves that `walk` visits, in its order, as an iterator that runs the
/// walk only as far as it is pulled: after `n` calls of `next`, the walk has visited `n` leaves.
/// (`crate::deep_switch::walk(tree)` makes a `Walk` out of a tree.)
///
/// Use corosensei directly, without the chapter's `Hub`: run `walk` inside a
/// `corosensei::Coroutine` whose visitor suspends with each leaf, and resume it from the
/// iterator's `next`. Collecting the leaves into a `Vec` first walks everything: the test counts.
pub fn leaves(walk: Walk) -> Box<dyn Iterator<Item = u32>> {
    todo!("exercise `leaves` is not written yet (ask for a hint: just hint ch02 leaves)")
}
// ANCHOR_END: leaves

// ANCHOR: same_fringe
/// Exercise `same_fringe`: whether two walks visit the same leaves in the same order, however
/// differently their trees are nested.
///
/// Run each walk in a greenlet of one `Hub` whose visitor switches to main with every leaf,
/// and compare the leaves pair by pair as main pulls them: stop at the first difference,
/// without walking the rest (the test counts the leaves visited). Translate this Python
/// (greenlet 3.5), where a walk is a function that calls `visit(leaf)` for each leaf:
///
/// ```python
/// def same_fringe(walk_a, walk_b):
///     main = getcurrent()
///     walkers = [greenlet(lambda *_, walk=walk: walk(main.switch)) for walk in (walk_a, walk_b)]
///     while True:
///         left, right = (walker.switch(None) for walker in walkers)
///         if left != right:
///             return False
///         if left is None:
///             return True
/// ```
pub fn same_fringe(a: Walk, b: Walk) -> bool {
    todo!("exercise `same_fringe` is not written yet (ask for a hint: just hint ch02 same_fringe)")
}
// ANCHOR_END: same_fringe
