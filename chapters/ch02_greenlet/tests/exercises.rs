//! Chapter 2's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch02` (`--features attempt`).

use Tree::{Leaf, Node};
use ch02_greenlet::deep_switch::{Tree, sample_tree};
use ch02_greenlet::exercises::{leaves, same_fringe};

/// `[[1, 2], 3, [[4]], 5]`: the sample tree's leaves, nested differently.
fn reshaped() -> Tree {
    Node(vec![
        Node(vec![Leaf(1), Leaf(2)]),
        Leaf(3),
        Node(vec![Node(vec![Leaf(4)])]),
        Leaf(5),
    ])
}

#[test]
fn leaves_walks_left_to_right() {
    assert_eq!(leaves(sample_tree()).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    assert_eq!(leaves(Node(vec![])).count(), 0);
}

#[test]
fn leaves_keeps_answering_none_once_the_walk_is_over() {
    let mut walk = leaves(Leaf(9));
    assert_eq!(walk.next(), Some(9));
    assert_eq!(walk.next(), None);
    assert_eq!(walk.next(), None);
}

#[test]
fn leaves_can_be_abandoned_half_way() {
    let mut walk = leaves(reshaped());
    assert_eq!(walk.by_ref().take(2).collect::<Vec<_>>(), [1, 2]);
    drop(walk); // dropping a half-run walk unwinds its stack: it must not panic
}

#[test]
fn same_fringe_ignores_the_nesting() {
    assert!(same_fringe(sample_tree(), reshaped()));
    assert!(same_fringe(Node(vec![]), Node(vec![Node(vec![])])));
}

#[test]
fn same_fringe_sees_a_different_leaf() {
    let mut other = reshaped();
    if let Node(children) = &mut other {
        children[1] = Leaf(30);
    }
    assert!(!same_fringe(sample_tree(), other));
}

#[test]
fn same_fringe_sees_a_fringe_that_is_only_a_prefix() {
    let prefix = Node(vec![Leaf(1), Leaf(2), Leaf(3)]);
    assert!(!same_fringe(prefix.clone(), sample_tree()));
    assert!(!same_fringe(sample_tree(), prefix));
}
