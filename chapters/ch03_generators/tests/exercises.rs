//! Chapter 3's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch03` (`--features attempt`).

use ch03_generators::exercises::{SleepTwice, averager, fibonacci};
use ch03_generators::yield_from::yield_from;
use genawaiter::GeneratorState::{Complete, Yielded};
use genawaiter::rc::Gen;
use std::future::{Future, poll_fn};
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

/// The name of the state `future` is in: `First` for `First { .. }`.
fn state(future: &SleepTwice) -> String {
    let debug = format!("{future:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(start_paused = true)]
async fn sleep_twice_wakes_after_each_sleep_and_goes_through_four_states() {
    let start = Instant::now();
    let mut future = pin!(SleepTwice::new(Duration::from_secs(1)));
    let mut polled_at = Vec::new();
    let mut states = vec![state(&future)];
    poll_fn(|cx| {
        polled_at.push(start.elapsed());
        let poll = future.as_mut().poll(cx);
        states.push(state(&future));
        poll
    })
    .await;
    assert_eq!(
        polled_at,
        [0, 1, 2].map(Duration::from_secs),
        "polled first, woken when the first sleep is over, woken when the second is"
    );
    let mut distinct = states.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        4,
        "not started, at the first sleep, at the second, done: {states:?}"
    );
}

#[test]
fn fibonacci_yields_what_the_python_generator_yields() {
    let first: Vec<u64> = Gen::new(fibonacci).into_iter().take(10).collect();
    assert_eq!(first, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
}

#[test]
fn fibonacci_ends_after_the_last_number_that_fits_in_a_u64() {
    let all: Vec<u64> = Gen::new(fibonacci).into_iter().collect();
    assert_eq!(all.len(), 94, "F(0) to F(93)");
    assert_eq!(all.last(), Some(&12_200_160_415_121_876_738));
}
