//! Chapter 2's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch02` (`--features attempt`).

use Tree::{Leaf, Node};
use ch02_greenlet::deep_switch::{Tree, Walk, sample_tree, walk};
use ch02_greenlet::exercises::{leaves, same_fringe};
use std::cell::Cell;
use std::rc::Rc;

/// A walk over `leaves` that counts in `visited` how many leaves it has visited.
fn counted(leaves: Vec<u32>, visited: &Rc<Cell<usize>>) -> Walk {
    let visited = Rc::clone(visited);
    Box::new(move |visit| {
        for leaf in leaves {
            visited.set(visited.get() + 1);
            visit(leaf);
        }
    })
}

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
    assert_eq!(
        leaves(walk(sample_tree())).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(leaves(walk(Node(vec![]))).count(), 0);
}

#[test]
fn leaves_keeps_answering_none_once_the_walk_is_over() {
    let mut walk = leaves(walk(Leaf(9)));
    assert_eq!(walk.next(), Some(9));
    assert_eq!(walk.next(), None);
    assert_eq!(walk.next(), None);
}

#[test]
fn leaves_can_be_abandoned_half_way() {
    let mut walk = leaves(walk(reshaped()));
    assert_eq!(walk.by_ref().take(2).collect::<Vec<_>>(), [1, 2]);
    drop(walk); // dropping a half-run walk unwinds its stack: it must not panic
}

#[test]
fn leaves_walks_only_as_far_as_it_is_pulled() {
    let visited = Rc::new(Cell::new(0));
    let mut leaves = leaves(counted((0..1000).collect(), &visited));
    assert_eq!(
        visited.get(),
        0,
        "nothing is walked before the first `next`"
    );
    assert_eq!(leaves.next(), Some(0));
    assert_eq!(leaves.next(), Some(1));
    assert_eq!(leaves.next(), Some(2));
    assert_eq!(visited.get(), 3, "three leaves pulled, three visited");
}

#[test]
fn same_fringe_ignores_the_nesting() {
    assert!(same_fringe(walk(sample_tree()), walk(reshaped())));
    assert!(same_fringe(
        walk(Node(vec![])),
        walk(Node(vec![Node(vec![])]))
    ));
}

#[test]
fn same_fringe_sees_a_different_leaf() {
    let mut other = reshaped();
    if let Node(children) = &mut other {
        children[1] = Leaf(30);
    }
    assert!(!same_fringe(walk(sample_tree()), walk(other)));
}

#[test]
fn same_fringe_sees_a_fringe_that_is_only_a_prefix() {
    let prefix = Node(vec![Leaf(1), Leaf(2), Leaf(3)]);
    assert!(!same_fringe(walk(prefix.clone()), walk(sample_tree())));
    assert!(!same_fringe(walk(sample_tree()), walk(prefix)));
}

#[test]
fn same_fringe_stops_walking_at_the_first_difference() {
    let (visited_a, visited_b) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    let mut b: Vec<u32> = (0..1000).collect();
    b[3] = 99;
    assert!(!same_fringe(
        counted((0..1000).collect(), &visited_a),
        counted(b, &visited_b)
    ));
    assert_eq!(
        (visited_a.get(), visited_b.get()),
        (4, 4),
        "leaves 0 to 3 of each walk, not the other 996"
    );
}
