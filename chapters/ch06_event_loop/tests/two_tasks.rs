//! The article's two-task listing prints 1 3 2 4, with 2 and 4 at the 2-second mark, on every
//! loop of the chapter, and each task is polled twice on the real loops.

use ch06_event_loop::poll_count::PollCounter;
use ch06_event_loop::polling_loop::{busy_sleep, run_polling_loop};
use ch06_event_loop::two_tasks::{func1, func2};
use ch06_event_loop::{Executor, sleep};
use shared::Timeline;
use shared::output::capture;
use std::time::Duration;

/// The lines without their `[+S.SSs]` stamps.
fn events(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.split_once("] ").unwrap().1)
        .collect()
}

#[test]
fn on_tokio_with_a_paused_clock_the_stamps_are_exact_and_each_task_is_polled_twice() {
    let (polls1, polls2) = (PollCounter::default(), PollCounter::default());
    let ((), text) = shared::runtime::run_paused(async {
        let timeline = Timeline::start();
        let task1 = tokio::spawn(polls1.wrap(func1(timeline, tokio::time::sleep)));
        let task2 = tokio::spawn(polls2.wrap(func2(timeline, tokio::time::sleep)));
        task1.await.unwrap();
        task2.await.unwrap();
    });
    assert_eq!(text, "[+0.00s] 1\n[+0.00s] 3\n[+2.00s] 2\n[+2.00s] 4\n");
    assert_eq!((polls1.get(), polls2.get()), (2, 2));
}

#[test]
fn on_our_executor_the_order_is_the_same_and_each_task_is_polled_twice() {
    let (polls1, polls2) = (PollCounter::default(), PollCounter::default());
    let ((), text) = capture(|| {
        let executor = Executor::with_virtual_clock();
        let timeline = Timeline::start();
        executor.spawn(polls1.wrap(func1(timeline, sleep)));
        executor.spawn(polls2.wrap(func2(timeline, sleep)));
        executor.run();
    });
    assert_eq!(events(&text), ["1", "3", "2", "4"]);
    assert_eq!((polls1.get(), polls2.get()), (2, 2));
}

#[test]
fn the_polling_loop_gets_the_order_right_by_asking_over_and_over() {
    // The listing's 2 s would spin a core for 2 s; 50 ms gives the same interleaving.
    let short = |_| busy_sleep(Duration::from_millis(50));
    let (polls, text) = capture(|| {
        let timeline = Timeline::start();
        run_polling_loop(vec![
            Box::pin(func1(timeline, short)),
            Box::pin(func2(timeline, short)),
        ])
    });
    assert_eq!(events(&text), ["1", "3", "2", "4"]);
    assert!(polls > 4, "it polled {polls} times, not once per wake-up");
}
