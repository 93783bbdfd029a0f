//! After every error the Hub stays consistent: the failed switch changed nothing, and the
//! greenlets can be switched to, finished and dropped as if it had not happened.

use ch02_greenlet::greenlet::{Greenlet, Hub};
use shared::panics::caught;
use std::cell::Cell;
use std::rc::Rc;

#[test]
fn a_failed_switch_from_main_leaves_the_greenlet_switchable_once_it_has_a_function() {
    let hub = Hub::new();
    let g = hub.greenlet();
    let message = caught(|| {
        hub.switch(g, 1);
    })
    .expect("switching to a greenlet without a function panics");
    assert!(message.contains("before Hub::set_run"), "{message}");
    // Before the fix the slot was left `Running`, and this switch hit `unreachable!`.
    let message = caught(|| {
        hub.switch(g, 2);
    })
    .expect("the second attempt fails the same way");
    assert!(message.contains("before Hub::set_run"), "{message}");
    hub.set_run(g, |_, value| value * 10);
    assert_eq!(hub.switch(g, 4), 40);
    assert!(hub.is_dead(g));
}

#[test]
fn a_failed_switch_from_inside_a_greenlet_leaves_that_greenlet_suspended() {
    let hub = Hub::new();
    let (asker, unbound) = (hub.greenlet(), hub.greenlet());
    let resumed = Rc::new(Cell::new(0));
    let seen = Rc::clone(&resumed);
    hub.set_run(asker, move |g, value| {
        let back = g.switch(unbound, value); // fails in the trampoline: we stay suspended here
        seen.set(back);
        back + 1
    });
    let message = caught(|| {
        hub.switch(asker, 1);
    })
    .expect("the trampoline refuses a greenlet without a function");
    assert!(message.contains("before Hub::set_run"), "{message}");
    assert!(!hub.is_dead(asker));
    assert!(
        format!("{hub:?}").contains(r#"greenlets: ["running", "ready", "unbound"]"#),
        "main runs, the asker is suspended, the other still has no function: {hub:?}"
    );
    // The asker is suspended inside its switch, which returns what we switch it back with.
    assert_eq!(hub.switch(asker, 7), 8);
    assert_eq!(resumed.get(), 7);
    assert!(hub.is_dead(asker));
}

#[test]
fn a_switch_to_a_greenlet_of_another_hub_is_refused_and_changes_nothing() {
    let hub = Hub::<u32>::new();
    let g = hub.greenlet();
    hub.set_run(g, |_, value| value + 1);
    let stranger = Greenlet::MAIN;
    let other = Hub::<u32>::new();
    let foreign = {
        other.greenlet();
        other.greenlet()
    };
    let message = caught(|| {
        hub.switch(foreign, 0);
    })
    .expect("an index outside the hub panics");
    assert!(message.contains("not a greenlet of this hub"), "{message}");
    assert_eq!(hub.switch(g, 1), 2);
    assert_eq!(
        hub.switch(stranger, 5),
        5,
        "a switch to main from main returns at once"
    );
}
