//! 三.3.2: values sent into a generator, and `yield from` evaluating to a return value.

use ch03_generators::send_and_return::{accumulate, gather_tallies};
use genawaiter::GeneratorState::{Complete, Yielded};
use genawaiter::rc::Gen;

#[test]
fn accumulate_adds_what_is_sent_and_returns_the_total() {
    let mut generator = Gen::new(accumulate);
    assert_eq!(
        generator.resume_with(None),
        Yielded(0),
        "started: the first total"
    );
    assert_eq!(generator.resume_with(Some(10)), Yielded(10));
    assert_eq!(generator.resume_with(Some(5)), Yielded(15));
    assert_eq!(generator.resume_with(Some(-20)), Yielded(-5));
    assert_eq!(generator.resume_with(None), Complete(-5));
}

#[test]
fn the_value_passed_to_start_a_generator_is_discarded() {
    // Python refuses `send(42)` to a fresh generator; genawaiter drops it: no yield waits yet.
    let mut generator = Gen::new(accumulate);
    assert_eq!(generator.resume_with(Some(42)), Yielded(0));
    assert_eq!(generator.resume_with(Some(1)), Yielded(1));
}

#[test]
fn sends_reach_the_inner_generator_and_each_return_value_is_collected() {
    let mut generator = Gen::new(|co| gather_tallies(co, 2));
    assert_eq!(generator.resume_with(None), Yielded(0));
    assert_eq!(generator.resume_with(Some(1)), Yielded(1));
    assert_eq!(generator.resume_with(Some(2)), Yielded(3));
    // The first accumulate returns 3 into gather_tallies, which starts the second one.
    assert_eq!(generator.resume_with(None), Yielded(0));
    assert_eq!(generator.resume_with(Some(10)), Yielded(10));
    assert_eq!(generator.resume_with(None), Complete(vec![3, 10]));
}

#[test]
fn the_tour_shows_every_send_and_what_came_back() {
    let text = ch03_generators::tour().capture("send_and_return").unwrap();
    assert!(
        text.contains("  send 5    -> yielded 15\n  send None -> returned 15\n"),
        "{text}"
    );
    assert!(
        text.ends_with("  send None -> returned [3, 10]\n"),
        "{text}"
    );
}
