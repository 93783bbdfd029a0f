//! The `async fn` and the hand-written state machine behave the same.

use ch05_futures::state_machine::{Func, func};
use shared::Timeline;
use std::future::Future;
use std::time::Duration;
use tokio::time::Instant;

/// Run `make(timeline)` on a paused clock; return its output, what it printed and how long it took.
fn run<F: Future<Output = u32>>(make: impl FnOnce(Timeline) -> F) -> (u32, String, Duration) {
    let ((value, elapsed), text) = shared::runtime::run_paused(async {
        let start = Instant::now();
        let value = make(Timeline::start()).await;
        (value, start.elapsed())
    });
    (value, text, elapsed)
}

#[test]
fn both_print_the_same_lines_at_the_same_times_and_return_2() {
    let by_compiler = run(func);
    let by_hand = run(Func::new);
    assert_eq!(
        by_compiler,
        (
            2,
            "[+0.00s] 你好\n[+2.00s] Hello\n".to_owned(),
            Duration::from_secs(2)
        )
    );
    assert_eq!(by_hand, by_compiler);
}

#[test]
fn creating_the_state_machine_runs_none_of_the_body() {
    let ((), text) = shared::output::capture(|| drop(Func::new(Timeline::start())));
    assert_eq!(text, "");
}

#[test]
#[should_panic(expected = "`Func` polled after it returned")]
fn polling_after_the_end_is_a_bug_it_reports() {
    // Printing goes through `run`'s capture, which other tests' captures wait for.
    run(|timeline| async move {
        let mut machine = Func::new(timeline);
        assert_eq!((&mut machine).await, 2);
        // `&mut Func` is a future too, because `Func: Unpin`: poll the finished machine again.
        (&mut machine).await
    });
}
