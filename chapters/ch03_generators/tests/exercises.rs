//! Chapter 3's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch03` (`--features attempt`).

use ch03_generators::exercises::{SleepTwice, averager};
use ch03_generators::yield_from::yield_from;
use genawaiter::GeneratorState::{Complete, Yielded};
use genawaiter::rc::Gen;
use std::pin::pin;
use std::time::Duration;
use tokio::time::Instant;

#[test]
fn averager_yields_the_running_average_and_returns_the_count() {
    let mut generator = Gen::new(averager);
    assert_eq!(generator.resume_with(None), Yielded(None), "no numbers yet");
    assert_eq!(generator.resume_with(Some(10.0)), Yielded(Some(10.0)));
    assert_eq!(generator.resume_with(Some(20.0)), Yielded(Some(15.0)));
    assert_eq!(generator.resume_with(Some(0.0)), Yielded(Some(10.0)));
    assert_eq!(generator.resume_with(None), Complete(3));
}

#[test]
fn averager_works_behind_yield_from() {
    let mut outer = Gen::new(|co| async move { yield_from(&co, Gen::new(averager)).await * 100 });
    assert_eq!(outer.resume_with(None), Yielded(None));
    assert_eq!(outer.resume_with(Some(1.0)), Yielded(Some(1.0)));
    assert_eq!(outer.resume_with(Some(2.0)), Yielded(Some(1.5)));
    assert_eq!(outer.resume_with(None), Complete(200));
}

#[tokio::test(start_paused = true)]
async fn sleep_twice_is_pending_until_both_sleeps_are_over() {
    let start = Instant::now();
    let mut future = pin!(SleepTwice::new(Duration::from_secs(1)));
    assert!(futures::poll!(future.as_mut()).is_pending());
    future.await;
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "two 1 s sleeps, one after the other"
    );
}

#[tokio::test(start_paused = true)]
async fn sleep_twice_starts_nothing_until_polled() {
    let future = SleepTwice::new(Duration::from_secs(1));
    tokio::time::advance(Duration::from_secs(5)).await; // time passes before the first poll
    let start = Instant::now();
    future.await;
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(2),
        "its sleeps start at the first poll"
    );
}
