//! Chapter 6's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch06` (`--features attempt`).

use ch06_event_loop::exercises::{count_down, count_downs, timeout, yield_now};
use ch06_event_loop::poll_count::PollCounter;
use ch06_event_loop::{Executor, now, sleep};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

#[test]
fn yield_now_lets_the_other_ready_tasks_run_and_takes_no_time() {
    let executor = Executor::with_virtual_clock();
    let log = Rc::new(RefCell::new(Vec::new()));
    for name in ["a", "b"] {
        let log = Rc::clone(&log);
        executor.spawn(async move {
            let start = now();
            for step in 0..3 {
                log.borrow_mut().push(format!("{name}{step}"));
                yield_now().await;
            }
            assert_eq!(now(), start, "yielding is not sleeping");
        });
    }
    executor.run();
    assert_eq!(*log.borrow(), ["a0", "b0", "a1", "b1", "a2", "b2"]);
}

#[test]
fn yield_now_is_pending_once_then_ready() {
    let executor = Executor::with_virtual_clock();
    let polls = PollCounter::default();
    executor.block_on(polls.wrap(yield_now()));
    assert_eq!(polls.get(), 2);
}

#[test]
fn timeout_returns_the_output_of_a_future_that_finishes_in_time() {
    let executor = Executor::with_virtual_clock();
    let (output, took) = executor.block_on(async {
        let start = now();
        let output = timeout(Duration::from_secs(3), async {
            sleep(Duration::from_secs(1)).await;
            "done"
        })
        .await;
        (output, now() - start)
    });
    assert_eq!(output, Some("done"));
    assert_eq!(
        took,
        Duration::from_secs(1),
        "it returns as soon as the future is done"
    );
}

#[test]
fn timeout_gives_up_on_time_and_cancels_the_slow_future() {
    /// Records that the future holding it was dropped.
    struct DropFlag(Rc<RefCell<bool>>);
    impl Drop for DropFlag {
        fn drop(&mut self) {
            *self.0.borrow_mut() = true;
        }
    }

    let executor = Executor::with_virtual_clock();
    let dropped = Rc::new(RefCell::new(false));
    let flag = DropFlag(Rc::clone(&dropped));
    let (output, took, dropped_by_then) = executor.block_on({
        let dropped = Rc::clone(&dropped);
        async move {
            let start = now();
            let output = timeout(Duration::from_secs(1), async move {
                let _flag = flag;
                sleep(Duration::from_secs(5)).await;
                "too late"
            })
            .await;
            (output, now() - start, *dropped.borrow())
        }
    });
    assert_eq!(output, None);
    assert_eq!(took, Duration::from_secs(1));
    assert!(
        dropped_by_then,
        "the slow future was dropped when time ran out"
    );
}

#[test]
fn count_down_logs_then_sleeps_a_second_per_step() {
    let executor = Executor::with_virtual_clock();
    let log = Rc::new(RefCell::new(Vec::new()));
    let took = executor.block_on({
        let log = Rc::clone(&log);
        async move {
            let start = now();
            count_down("C", 2, log).await;
            now() - start
        }
    });
    assert_eq!(*log.borrow(), ["C2", "C1"]);
    assert_eq!(took, Duration::from_secs(2));
}

#[test]
fn count_downs_interleaves_the_two_tasks_like_asyncio() {
    let executor = Executor::with_virtual_clock();
    let (log, took) = executor.block_on(async {
        let start = now();
        let log = count_downs().await;
        (log, now() - start)
    });
    assert_eq!(log, ["A2", "B3", "A1", "B2", "B1"], "what Python prints");
    assert_eq!(
        took,
        Duration::from_secs(3),
        "both at once: the longer one's 3 s, not 2 + 3"
    );
}
