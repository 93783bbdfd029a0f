//! The Hub behaves like Python's greenlet: symmetric switches, parents, panics, cleanup.

use ch02_greenlet::greenlet::{Greenlet, Hub};
use ch02_greenlet::{deep_switch, parents, switch_listing};
use shared::output::capture;
use shared::panics::message as panic_message;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;

/// Sets its flag when dropped: shows that a greenlet's stack was unwound.
struct Dropped(Rc<Cell<bool>>);

impl Drop for Dropped {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

#[test]
fn the_article_listing_prints_1_3_2_4() {
    let ((), text) = capture(switch_listing::show);
    assert_eq!(text, "1\n3\n2\n4\n");
}

#[test]
fn switches_are_symmetric_and_carry_values_both_ways() {
    let hub = Hub::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    let (a, b) = (hub.greenlet(), hub.greenlet());
    let log_a = Rc::clone(&log);
    hub.set_run(a, move |g, start| {
        log_a.borrow_mut().push(format!("a started with {start}"));
        let got = g.switch(b, 10);
        log_a.borrow_mut().push(format!("a resumed with {got}"));
        got + 1 // finished: goes to the parent, main
    });
    let log_b = Rc::clone(&log);
    hub.set_run(b, move |g, start| {
        log_b.borrow_mut().push(format!("b started with {start}"));
        g.switch(a, start + 5);
        unreachable!("nobody switches back to b");
    });
    assert_eq!(hub.switch(a, 1), 16);
    assert_eq!(
        *log.borrow(),
        ["a started with 1", "b started with 10", "a resumed with 15"]
    );
    assert!(hub.is_dead(a));
    assert!(!hub.is_dead(b), "b is suspended, not finished");
}

#[test]
fn a_finished_greenlet_returns_its_value_to_its_parent() {
    let hub = Hub::new();
    let parent = hub.greenlet();
    let child = hub.child_of(parent);
    hub.set_run(child, |_, n| n * 2);
    hub.set_run(parent, move |g, n| {
        let from_child = g.switch(child, n);
        from_child + 1
    });
    assert_eq!(
        hub.switch(parent, 20),
        41,
        "the child's 40 went to parent, parent's 41 to main"
    );
    assert!(hub.is_dead(child) && hub.is_dead(parent));
}

#[test]
fn a_panic_surfaces_in_the_parent_after_unwinding_the_child() {
    let hub = Hub::new();
    let parent = hub.greenlet();
    let child = hub.child_of(parent);
    let unwound = Rc::new(Cell::new(false));
    let guard = Dropped(Rc::clone(&unwound));
    hub.set_run(child, move |_, _| {
        let _guard = guard;
        panic!("child failed");
    });
    let seen = Rc::clone(&unwound);
    hub.set_run(parent, move |g, _| {
        let panic = panic::catch_unwind(AssertUnwindSafe(|| g.switch(child, 0)))
            .expect_err("the child's panic comes out of the parent's switch");
        assert!(
            seen.get(),
            "the child's stack was unwound before the parent saw the panic"
        );
        assert_eq!(panic_message(&*panic), "child failed");
        7
    });
    assert_eq!(
        hub.switch(parent, 0),
        7,
        "the parent caught it and finished normally"
    );
    assert!(hub.is_dead(child));
}

#[test]
fn an_uncaught_panic_comes_out_of_mains_switch_and_the_hub_goes_on() {
    let hub = Hub::new();
    let failing = hub.greenlet();
    let other = hub.greenlet();
    hub.set_run(failing, |_, _: u32| panic!("nobody caught me"));
    hub.set_run(other, |_, n| n + 1);
    let panic = panic::catch_unwind(AssertUnwindSafe(|| hub.switch(failing, 0)))
        .expect_err("the panic reaches main");
    assert_eq!(panic_message(&*panic), "nobody caught me");
    assert!(hub.is_dead(failing));
    assert_eq!(hub.switch(other, 1), 2, "the other greenlets still work");
}

#[test]
fn a_switch_to_a_dead_greenlet_lands_in_its_parent() {
    let hub = Hub::new();
    let done = hub.greenlet();
    hub.set_run(done, |_, n: u32| n);
    hub.switch(done, 0);
    assert!(hub.is_dead(done));
    assert_eq!(
        hub.switch(done, 5),
        5,
        "main is done's parent: the value comes straight back"
    );
}

#[test]
fn dropping_the_hub_unwinds_every_suspended_greenlet() {
    let hub = Hub::new();
    let flags: Vec<Rc<Cell<bool>>> = (0..2).map(|_| Rc::new(Cell::new(false))).collect();
    let greenlets: Vec<Greenlet> = flags
        .iter()
        .map(|flag| {
            let greenlet = hub.greenlet();
            let guard = Dropped(Rc::clone(flag));
            hub.set_run(greenlet, move |g, _| {
                let _guard = guard;
                loop {
                    g.switch(Greenlet::MAIN, ());
                }
            });
            greenlet
        })
        .collect();
    for &greenlet in &greenlets {
        hub.switch(greenlet, ()); // each is now suspended inside its loop
    }
    assert!(flags.iter().all(|flag| !flag.get()));
    drop(hub);
    assert!(
        flags.iter().all(|flag| flag.get()),
        "both stacks were unwound"
    );
}

#[test]
fn the_walker_waits_inside_the_recursion_until_main_pulls_again() {
    let hub = Hub::new();
    let walker = hub.greenlet();
    let log = Rc::new(RefCell::new(Vec::new()));
    let walker_log = Rc::clone(&log);
    hub.set_run(walker, move |g, _| {
        let tree = deep_switch::sample_tree();
        deep_switch::for_each_leaf(&tree, 0, &mut |leaf, depth| {
            walker_log
                .borrow_mut()
                .push(format!("walker: leaf {leaf} at depth {depth}"));
            g.switch(Greenlet::MAIN, Some(leaf));
        });
        None
    });
    for _ in 0..3 {
        let leaf = hub.switch(walker, None);
        log.borrow_mut().push(format!("main: got {leaf:?}"));
    }
    assert_eq!(
        *log.borrow(),
        [
            "walker: leaf 1 at depth 1",
            "main: got Some(1)",
            "walker: leaf 2 at depth 2",
            "main: got Some(2)",
            "walker: leaf 3 at depth 3",
            "main: got Some(3)",
        ],
        "one leaf per pull: the walk does not run ahead of main"
    );
    assert!(
        !hub.is_dead(walker),
        "the walker is suspended three calls deep; leaves 4 and 5 are not visited yet"
    );
}

#[test]
fn the_deep_switch_section_pulls_every_leaf_then_the_walks_none() {
    let ((), text) = capture(deep_switch::show);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        lines[4],
        "main got leaf 5, sent from depth 4 of the recursive walk"
    );
    assert_eq!(
        lines[5],
        "the walk returned None to its parent; walker dead: true"
    );
}

#[test]
fn the_parents_section_shows_each_rule_in_order() {
    let ((), text) = capture(parents::show);
    let expected = [
        "outer: switching to finisher with 21",
        "finisher: returning 42",
        "outer: finisher is done; its result came back to its parent: 42",
        "failer: failing",
        "failer: my cleanup runs while the failure leaves my stack",
        "outer: failer's error surfaced in my switch call: failer failed",
        "outer: a switch to the dead finisher landed in its parent, me, with 7",
        "outer: failing, with only main left to catch it",
        "main: outer's error surfaced in main's switch call: outer failed",
        "main: dead? outer true, finisher true, failer true",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn main_switch_inside_a_greenlet_is_refused() {
    let hub = Rc::new(Hub::new());
    let inner = Rc::clone(&hub);
    let greenlet = hub.greenlet();
    hub.set_run(greenlet, move |_, ()| inner.switch(Greenlet::MAIN, ()));
    let panic = panic::catch_unwind(AssertUnwindSafe(|| hub.switch(greenlet, ())))
        .expect_err("a nested trampoline is refused");
    assert!(panic_message(&*panic).contains("inside a greenlet, switch with its Current"));
}

#[test]
fn a_greenlet_without_a_function_is_a_clear_error() {
    let hub: Hub<()> = Hub::new();
    let empty = hub.greenlet();
    let panic = panic::catch_unwind(AssertUnwindSafe(|| hub.switch(empty, ())))
        .expect_err("nothing to run");
    assert!(panic_message(&*panic).contains("before Hub::set_run gave it a function"));
}

#[test]
fn a_greenlet_gets_one_function_only() {
    let hub = Hub::new();
    let greenlet = hub.greenlet();
    hub.set_run(greenlet, |_, n: u32| n);
    let panic = panic::catch_unwind(AssertUnwindSafe(|| hub.set_run(greenlet, |_, n| n + 1)))
        .expect_err("a second function is refused");
    assert!(panic_message(&*panic).contains("already has its function"));
    assert_eq!(
        hub.switch(greenlet, 3),
        3,
        "the first function is the one that runs"
    );
}
