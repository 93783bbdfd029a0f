//! The plain version of the hand-written timer future is polled twice: once to register the
//! waker, once after the wake-up.

#[test]
fn the_timer_future_example_is_ready_on_its_second_poll() {
    let out = shared::example::stdout("timer_future", &["0.05"]);
    assert_eq!(
        out,
        "waiting 0.05 s on a hand-written future\nready after 2 polls\n"
    );
}
