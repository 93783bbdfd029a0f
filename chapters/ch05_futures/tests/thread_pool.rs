//! Our `ThreadPoolExecutor`: workers in parallel, `result()` blocks, futures are awaitable,
//! panics are kept, shutdown waits; and awaiting (unlike `result()`) leaves the runtime free.

use ch05_futures::thread_pool::{JobPanicked, ThreadPool};
use ch05_futures::wrap_future::{await_job, block_on_job};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::time::Duration;

#[test]
fn five_workers_run_five_jobs_at_the_same_time() {
    let pool = ThreadPool::new(5);
    // Each job waits until all five are running: this finishes only if they run in parallel.
    let barrier = Arc::new(Barrier::new(5));
    let futures: Vec<_> = (0..5)
        .map(|i| {
            let barrier = Arc::clone(&barrier);
            pool.submit(move || {
                barrier.wait();
                i * 10
            })
        })
        .collect();
    let results: Vec<_> = futures.into_iter().map(|f| f.result().unwrap()).collect();
    assert_eq!(
        results,
        [0, 10, 20, 30, 40],
        "each future holds its own job's result"
    );
}

#[test]
#[should_panic(expected = "a thread pool needs at least one worker")]
fn a_pool_without_workers_is_refused_at_once() {
    ThreadPool::new(0);
}

#[test]
fn result_blocks_until_the_job_has_run() {
    let pool = ThreadPool::new(1);
    let (go, wait) = mpsc::channel();
    let fut = pool.submit(move || wait.recv().map(|word: &str| word.len()));
    go.send("hello").unwrap();
    assert_eq!(fut.result(), Ok(Ok(5)));
}

#[test]
fn a_panicking_job_is_an_error_and_the_worker_lives_on() {
    let pool = ThreadPool::new(1);
    let failed = pool.submit(|| -> u32 { panic!("job 1 fails") });
    assert_eq!(failed.result(), Err(JobPanicked));
    assert_eq!(
        pool.submit(|| 2).result(),
        Ok(2),
        "the only worker still runs jobs"
    );
}

#[test]
fn dropping_the_pool_waits_for_every_queued_job() {
    let done = Arc::new(AtomicUsize::new(0));
    let pool = ThreadPool::new(2);
    for _ in 0..20 {
        let done = Arc::clone(&done);
        drop(pool.submit(move || done.fetch_add(1, Ordering::SeqCst)));
    }
    drop(pool);
    assert_eq!(done.load(Ordering::SeqCst), 20);
}

#[tokio::test]
async fn a_pool_future_can_be_awaited() {
    let pool = ThreadPool::new(2);
    assert_eq!(pool.submit(|| 6 * 7).await, Ok(42));
}

#[tokio::test]
async fn awaiting_lets_the_other_task_run_so_the_job_gets_its_ticket() {
    let pool = ThreadPool::new(1);
    // A long patience: the ticket comes as soon as the runtime runs task B.
    assert_eq!(await_job(&pool, Duration::from_secs(30)).await, Some(42));
}

#[tokio::test]
async fn result_inside_async_code_starves_the_other_task() {
    let pool = ThreadPool::new(1);
    // Whatever the patience, task B cannot run while `result()` holds the only thread.
    assert_eq!(block_on_job(&pool, Duration::from_millis(10)).await, None);
}
