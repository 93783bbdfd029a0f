//! The shared-state exercises of chapter 7. These tests run against the reference solutions by
//! default and against your attempts with `just exercise ch07` (`--features attempt`).

use ch07_tasks::exercises::{withdraw, worker_pool};
use ch07_tasks::shared_state::bank::Refused;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::{Instant, sleep};

const CHECK: Duration = Duration::from_secs(1);

#[tokio::test(start_paused = true)]
async fn withdraw_takes_the_amount_after_the_check() {
    let balance = tokio::sync::Mutex::new(100);
    let start = Instant::now();
    assert_eq!(withdraw(&balance, 30, CHECK).await, Ok(70));
    assert_eq!(start.elapsed(), CHECK, "the fraud check was awaited");
    assert_eq!(*balance.lock().await, 70);
}

#[tokio::test(start_paused = true)]
async fn withdraw_refuses_at_once_what_the_balance_does_not_cover() {
    let balance = tokio::sync::Mutex::new(20);
    let start = Instant::now();
    let refused = withdraw(&balance, 30, CHECK).await;
    assert_eq!(
        refused,
        Err(Refused {
            balance: 20,
            amount: 30
        })
    );
    assert_eq!(start.elapsed(), Duration::ZERO, "no check for a refusal");
    assert_eq!(*balance.lock().await, 20);
}

#[tokio::test(start_paused = true)]
async fn concurrent_withdrawals_never_pay_out_more_than_the_balance() {
    let balance = Arc::new(tokio::sync::Mutex::new(100));
    let start = Instant::now();
    let tasks: Vec<_> = (0..10)
        .map(|_| {
            let balance = Arc::clone(&balance);
            tokio::spawn(async move { withdraw(&balance, 30, CHECK).await })
        })
        .collect();
    let mut paid = 0;
    for task in tasks {
        if task.await.expect("withdraw does not panic").is_ok() {
            paid += 30;
        }
    }
    assert_eq!(paid, 90, "three withdrawals of 30 fit in 100, not ten");
    assert_eq!(*balance.lock().await, 10);
    assert_eq!(
        start.elapsed(),
        CHECK * 3,
        "one check per paid withdrawal, one at a time"
    );
}

/// A job that takes `secs` and records how many jobs ran at once and in which tasks.
#[derive(Clone, Default)]
struct Probe {
    running: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
    tasks: Arc<Mutex<HashSet<tokio::task::Id>>>,
}

impl Probe {
    async fn job(self, secs: u64) -> u64 {
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        self.tasks.lock().unwrap().insert(tokio::task::id());
        sleep(Duration::from_secs(secs)).await;
        self.running.fetch_sub(1, Ordering::SeqCst);
        secs * 10
    }
}

#[tokio::test(start_paused = true)]
async fn worker_pool_runs_every_job_once_with_that_many_workers() {
    let probe = Probe::default();
    let start = Instant::now();
    let worker_probe = probe.clone();
    let mut outputs = worker_pool(vec![1; 7], 3, move |secs| worker_probe.clone().job(secs)).await;
    outputs.sort_unstable();
    assert_eq!(outputs, [10; 7], "every job ran exactly once");
    assert_eq!(
        probe.most.load(Ordering::SeqCst),
        3,
        "never more than three at once"
    );
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(3),
        "seven 1 s jobs on three workers"
    );
    assert_eq!(
        probe.tasks.lock().unwrap().len(),
        3,
        "the jobs ran in exactly three worker tasks, not one task per job"
    );
}

#[tokio::test(start_paused = true)]
async fn worker_pool_workers_do_not_wait_for_each_other() {
    // One long job and four short ones on two workers: the second worker runs the short ones
    // while the first is busy.
    let probe = Probe::default();
    let start = Instant::now();
    let worker_probe = probe.clone();
    let outputs = worker_pool(vec![4, 1, 1, 1, 1], 2, move |secs| {
        worker_probe.clone().job(secs)
    })
    .await;
    assert_eq!(outputs.iter().sum::<u64>(), 80);
    assert_eq!(start.elapsed(), Duration::from_secs(4));
}

#[tokio::test(start_paused = true)]
async fn worker_pool_with_no_jobs_returns_nothing() {
    let outputs = worker_pool(Vec::<u64>::new(), 4, |secs| async move { secs }).await;
    assert!(outputs.is_empty());
}
