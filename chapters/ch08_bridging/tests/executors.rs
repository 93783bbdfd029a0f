//! `run_in_executor`'s pools: the blocking pool and a pool of our own (the process pool is in
//! `process_pool.rs`, which needs a `main` of its own).

use ch08_bridging::executors::{custom_pool, on_default_pool, run_on};
use std::sync::{Arc, Barrier};

#[tokio::test]
async fn func1_on_the_default_pool_returns_its_result() {
    assert_eq!(on_default_pool().await, "11");
}

#[tokio::test]
async fn run_on_runs_the_job_on_a_thread_of_the_custom_pool() {
    let pool = custom_pool();
    let name = run_on(&pool, || std::thread::current().name().map(str::to_owned)).await;
    assert!(name.is_some_and(|n| n.starts_with("custom-pool-")));
}

#[tokio::test]
async fn the_custom_pool_runs_two_jobs_at_once() {
    // Each job waits for the other at the barrier: they finish only if both run at once.
    let pool = custom_pool();
    let barrier = Arc::new(Barrier::new(2));
    let (a, b) = (Arc::clone(&barrier), barrier);
    let (first, second) = tokio::join!(
        run_on(&pool, move || a.wait()),
        run_on(&pool, move || b.wait())
    );
    assert!(
        first.is_leader() != second.is_leader(),
        "exactly one leader"
    );
}

#[tokio::test]
async fn a_panic_in_a_pool_job_reaches_the_awaiting_task() {
    let pool = custom_pool();
    let awaiting = tokio::spawn(async move { run_on(&pool, || -> u32 { panic!("boom") }).await });
    let panic = awaiting.await.unwrap_err().into_panic();
    assert_eq!(panic.downcast_ref::<&str>(), Some(&"boom"));
}
