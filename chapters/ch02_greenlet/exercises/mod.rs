//! # Chapter 2 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch02`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch02 leaves`.
//! The statements, with the solutions folded away, are also in the book's chapter 2.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::deep_switch::Tree;

// ANCHOR: leaves
/// Exercise `leaves`: the leaves of `tree`, left to right, as an iterator that walks the tree
/// only as far as it is pulled.
///
/// Use corosensei directly, without the chapter's `Hub`: run
/// `crate::deep_switch::for_each_leaf` inside a `corosensei::Coroutine` whose closure
/// suspends with each leaf, and resume it from the iterator's `next`.
pub fn leaves(tree: Tree) -> Box<dyn Iterator<Item = u32>> {
    todo!("exercise `leaves` is not written yet (ask for a hint: just hint ch02 leaves)")
}
// ANCHOR_END: leaves

// ANCHOR: same_fringe
/// Exercise `same_fringe`: whether two trees have the same leaves in the same order, however
/// differently they are nested.
///
/// Run one `for_each_leaf` walk per tree, each in a greenlet of one `Hub` that switches to
/// main with every leaf, and compare the leaves pair by pair as main pulls them: stop at the
/// first difference, without walking the rest.
pub fn same_fringe(a: Tree, b: Tree) -> bool {
    todo!("exercise `same_fringe` is not written yet (ask for a hint: just hint ch02 same_fringe)")
}
// ANCHOR_END: same_fringe
