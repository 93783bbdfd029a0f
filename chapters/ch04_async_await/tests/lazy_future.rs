//! Calling an `async fn` runs nothing; awaiting it runs the body once.

use ch04_async_await::lazy_future::{GREET_BODY_RUNS, greet};
use std::sync::atomic::Ordering;

#[test]
fn a_future_runs_only_when_driven_and_a_dropped_one_never() {
    let before = GREET_BODY_RUNS.load(Ordering::SeqCst);
    let future = greet();
    let never_awaited = greet();
    assert_eq!(
        GREET_BODY_RUNS.load(Ordering::SeqCst),
        before,
        "creating futures ran a body"
    );
    drop(never_awaited);
    shared::runtime::block_on(future);
    assert_eq!(
        GREET_BODY_RUNS.load(Ordering::SeqCst),
        before + 1,
        "only the awaited one ran"
    );
}

#[test]
fn block_on_and_tokio_main_both_run_the_future_to_completion() {
    assert_eq!(ch04_async_await::asyncio_run::run_by_hand(), 2);
    assert_eq!(ch04_async_await::asyncio_run::run_with_attribute(), 2);
}
