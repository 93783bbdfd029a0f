//! What a stack of its own buys: switching from deep inside ordinary function calls.
//!
//! A greenlet is *stackful*: it owns a whole call stack, so it can stop in the middle of any
//! chain of plain function calls and resume there later, the frames in between untouched.
//! Here an ordinary recursive tree walk, which calls a closure on each leaf and knows nothing
//! of coroutines, runs inside a greenlet; the closure switches to main with each leaf. Main
//! pulls the leaves one by one: the walk is turned inside out without being rewritten.
//!
//! An `async fn` is *stackless*: it is compiled into a state machine that can only stop at its
//! own `.await`s. To suspend inside the walk, the walk, its closure and everything between
//! would have to become `async` too (and a recursive `async fn` needs its recursion boxed).
//! `.await` inside the plain closure does not compile:
//!
#![doc = "```compile_fail,E0728"]
#![doc = include_str!("../compile_fail/await_in_closure.rs")]
#![doc = "```"]

use crate::greenlet::{Greenlet, Hub};
use shared::outln;

/// A tree of numbers, nested as deep as you like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tree {
    /// A number.
    Leaf(u32),
    /// Subtrees, in order.
    Node(Vec<Tree>),
}

// ANCHOR: walk
/// An ordinary recursive walk that calls `visit(leaf, depth)` on each leaf, left to right;
/// `depth` counts the calls of `for_each_leaf` on the stack at that moment.
pub fn for_each_leaf(tree: &Tree, depth: usize, visit: &mut dyn FnMut(u32, usize)) {
    match tree {
        Tree::Leaf(leaf) => visit(*leaf, depth),
        Tree::Node(children) => {
            for child in children {
                for_each_leaf(child, depth + 1, visit);
            }
        }
    }
}
// ANCHOR_END: walk

/// A walk, as the exercises take it: a function that calls its visitor on each leaf in turn.
pub type Walk = Box<dyn FnOnce(&mut dyn FnMut(u32))>;

/// [`for_each_leaf`] over `tree`, as a [`Walk`] that owns the tree.
pub fn walk(tree: Tree) -> Walk {
    Box::new(move |visit| for_each_leaf(&tree, 0, &mut |leaf, _depth| visit(leaf)))
}

/// `[1, [2, [3, 4]], [[[5]]]]`: the tree of the tour and of the Python version.
pub fn sample_tree() -> Tree {
    use Tree::{Leaf, Node};
    Node(vec![
        Leaf(1),
        Node(vec![Leaf(2), Node(vec![Leaf(3), Leaf(4)])]),
        Node(vec![Node(vec![Node(vec![Leaf(5)])])]),
    ])
}

/// The tour section: main pulls the leaves out of a walk running in a greenlet.
pub fn show() {
    // ANCHOR: pull
    let hub = Hub::new();
    let walker = hub.greenlet();
    let tree = sample_tree();
    hub.set_run(walker, move |g, _| {
        for_each_leaf(&tree, 0, &mut |leaf, depth| {
            // Deep inside the walk: stop here, hand the leaf to main, resume here later.
            g.switch(Greenlet::MAIN, Some((leaf, depth)));
        });
        None // the walk is over: a finished greenlet's result goes to its parent, main
    });
    while let Some((leaf, depth)) = hub.switch(walker, None) {
        outln!("main got leaf {leaf}, sent from depth {depth} of the recursive walk");
    }
    // ANCHOR_END: pull
    outln!(
        "the walk returned None to its parent; walker dead: {}",
        hub.is_dead(walker)
    );
}
