//! The hand-written state machine behaves like the `async fn` it spells out.

use ch03_generators::state_machine::{Func, func};
use futures::poll;
use shared::Timeline;
use shared::runtime::run_paused;
use std::pin::pin;
use std::time::Duration;
use tokio::time::advance;

/// Poll `future` at 0 s, 1.999 s and 2 s of (paused) time: did each poll finish it?
async fn readiness(future: impl std::future::Future<Output = ()>) -> [bool; 3] {
    let mut future = pin!(future);
    let at_start = poll!(future.as_mut()).is_ready();
    advance(Duration::from_millis(1999)).await;
    let just_before = poll!(future.as_mut()).is_ready();
    advance(Duration::from_millis(1)).await;
    let at_two_seconds = poll!(future.as_mut()).is_ready();
    [at_start, just_before, at_two_seconds]
}

#[test]
fn both_print_the_same_lines_at_the_same_times() {
    let ((), by_compiler) = run_paused(async { func(Timeline::start(), 1, 2).await });
    let ((), by_hand) = run_paused(async { Func::new(Timeline::start(), 1, 2).await });
    assert_eq!(by_compiler, "[+0.00s] 1\n[+2.00s] 2\n");
    assert_eq!(by_hand, by_compiler);
}

#[test]
fn both_are_pending_until_the_two_seconds_are_over() {
    let (by_compiler, text_compiler) =
        run_paused(async { readiness(func(Timeline::start(), 1, 2)).await });
    let (by_hand, text_hand) =
        run_paused(async { readiness(Func::new(Timeline::start(), 1, 2)).await });
    assert_eq!(by_compiler, [false, false, true]);
    assert_eq!(by_hand, by_compiler);
    assert_eq!(text_hand, text_compiler);
}

#[test]
fn creating_either_runs_nothing() {
    let ((), text) = run_paused(async {
        let _by_compiler = func(Timeline::start(), 1, 2);
        let _by_hand = Func::new(Timeline::start(), 1, 2);
    });
    assert_eq!(text, "", "neither was polled, so neither printed");
}

#[test]
fn the_tour_runs_them_concurrently_in_two_seconds() {
    let text = ch03_generators::tour().capture("state_machine").unwrap();
    assert_eq!(
        text,
        "[+0.00s] 1\n[+0.00s] 3\n[+2.00s] 2\n[+2.00s] 4\n[+2.00s] all done\n"
    );
}
