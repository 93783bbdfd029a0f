//! 三.3.3: generator-based coroutines interleave on the tiny loop, on a paused clock.

use ch03_generators::generator_coroutines::{Sleep, func, run_until_complete, sleep};
use genawaiter::GeneratorState;
use genawaiter::rc::{Co, Gen};
use shared::Timeline;
use shared::runtime::run_paused;
use std::cell::RefCell;
use std::time::Duration;
use tokio::time::Instant;

#[test]
fn the_two_coroutines_interleave_1_3_then_2_4_two_seconds_later() {
    let (elapsed, text) = run_paused(async {
        let timeline = Timeline::start();
        run_until_complete([
            Gen::new(|co| func(co, timeline, 1, 2)),
            Gen::new(|co| func(co, timeline, 3, 4)),
        ])
        .await;
        timeline.elapsed()
    });
    assert_eq!(text, "[+0.00s] 1\n[+0.00s] 3\n[+2.00s] 2\n[+2.00s] 4\n");
    assert_eq!(
        elapsed,
        Duration::from_secs(2),
        "the two 2 s sleeps overlap"
    );
}

#[test]
fn a_coroutine_yields_its_sleep_request_to_whoever_resumes_it() {
    let (state, text) = run_paused(async {
        let mut coroutine = Gen::new(|co| func(co, Timeline::start(), 1, 2));
        coroutine.resume()
    });
    assert_eq!(
        state,
        GeneratorState::Yielded(Sleep(Duration::from_secs(2)))
    );
    assert_eq!(
        text, "[+0.00s] 1\n",
        "it ran up to its sleep, and no further"
    );
}

#[test]
fn the_loop_wakes_each_coroutine_at_its_deadline_and_ends_with_the_last() {
    async fn nap(
        co: Co<Sleep>,
        start: Instant,
        log: &RefCell<Vec<(u64, u64)>>,
        id: u64,
        steps: u64,
    ) {
        for _ in 0..steps {
            sleep(&co, Duration::from_millis(100 * id)).await;
            log.borrow_mut()
                .push((id, start.elapsed().as_millis() as u64));
        }
    }
    let log = RefCell::new(Vec::new());
    let (elapsed, _) = run_paused(async {
        let start = Instant::now();
        run_until_complete([
            Gen::new(|co| nap(co, start, &log, 3, 2)),
            Gen::new(|co| nap(co, start, &log, 2, 2)),
            Gen::new(|co| nap(co, start, &log, 5, 1)),
        ])
        .await;
        start.elapsed()
    });
    assert_eq!(
        log.into_inner(),
        [(2, 200), (3, 300), (2, 400), (5, 500), (3, 600)]
    );
    assert_eq!(
        elapsed,
        Duration::from_millis(600),
        "as long as the longest, not the sum"
    );
}

#[test]
fn the_tour_section_matches_the_listing() {
    let text = ch03_generators::tour()
        .capture("generator_coroutines")
        .unwrap();
    assert_eq!(
        text,
        "[+0.00s] 1\n[+0.00s] 3\n[+2.00s] 2\n[+2.00s] 4\n[+2.00s] all done\n"
    );
}
