//! 三.5.5.2 concurrent.future.Future: `concurrent.futures.Future` — work on a pool of OS threads.
//!
//! `ThreadPoolExecutor(max_workers=5).submit(func, i)` queues a call for one of five threads
//! and returns at once with a `concurrent.futures.Future`; `fut.result()` blocks the caller
//! until a worker has run the call. [`ThreadPool`] and [`PoolFuture`] are the same, built from
//! `std` in a few lines: a channel of jobs, worker threads taking jobs from it, and for each job
//! a result slot with a [`Condvar`] that `result()` sleeps on.
//!
//! Python's `concurrent.futures.Future` cannot be awaited; `asyncio.wrap_future` wraps it in an
//! `asyncio.Future` that the worker completes via a callback. Ours can be awaited directly:
//! the slot also keeps the [`Waker`] of an awaiting task, and the worker that fills the slot
//! both notifies the condition variable (for threads blocked in `result()`) and wakes the
//! waker (for a task awaiting it). Awaiting parks only the task; `result()` parks the whole
//! thread, so calling it inside async code would freeze every other task on that thread.
//! (tokio's own version of all this is `tokio::task::spawn_blocking`, whose `JoinHandle` is
//! such a future; see chapter 8.)

use shared::outln;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, mpsc};
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

// ANCHOR: pool
/// A job as the workers see it: any call, its result already routed to its slot.
type Job = Box<dyn FnOnce() + Send>;

/// `ThreadPoolExecutor`: a fixed number of threads running submitted calls in order.
#[derive(Debug)]
pub struct ThreadPool {
    /// The queue's sending end; `None` once the pool shuts down.
    jobs: Option<mpsc::Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// `ThreadPoolExecutor(max_workers=n)`.
    ///
    /// # Panics
    /// If `max_workers` is 0, as Python raises `ValueError`: no job could ever run.
    pub fn new(max_workers: usize) -> Self {
        assert!(max_workers > 0, "a thread pool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        // One queue, many consumers: the workers take turns at the receiving end.
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..max_workers)
            .map(|_| {
                let queue = Arc::clone(&queue);
                std::thread::spawn(move || {
                    loop {
                        // The lock is released at the end of this statement, before the job runs.
                        let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                        match job {
                            Ok(job) => job(),
                            Err(mpsc::RecvError) => return, // the pool shut down
                        }
                    }
                })
            })
            .collect();
        ThreadPool {
            jobs: Some(jobs),
            workers,
        }
    }

    /// `pool.submit(func)`: queue `func` and return its future at once.
    pub fn submit<T: Send + 'static>(
        &self,
        func: impl FnOnce() -> T + Send + 'static,
    ) -> PoolFuture<T> {
        let slot = Arc::new(Slot::default());
        let for_worker = Arc::clone(&slot);
        let job: Job = Box::new(move || {
            // A panic is kept as the job's outcome (Python keeps the exception in the future)
            // instead of killing the worker thread and leaving `result()` waiting forever.
            let outcome = catch_unwind(AssertUnwindSafe(func)).map_err(|_| JobPanicked);
            for_worker.fill(outcome);
        });
        self.jobs
            .as_ref()
            .expect("only `drop` takes the sender")
            .send(job)
            .expect("the workers live as long as the pool");
        PoolFuture { slot }
    }
}

impl Drop for ThreadPool {
    /// `pool.shutdown(wait=True)`: close the queue, let the workers finish what is in it.
    fn drop(&mut self) {
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
// ANCHOR_END: pool

// ANCHOR: pool_future
/// Where a worker puts a job's outcome, and how the waiting side learns of it.
#[derive(Debug)]
struct Slot<T> {
    state: Mutex<SlotState<T>>,
    /// Signalled when the outcome arrives, for threads blocked in [`PoolFuture::result`].
    filled: Condvar,
}

#[derive(Debug)]
struct SlotState<T> {
    outcome: Option<Result<T, JobPanicked>>,
    /// The task awaiting the future, if one is.
    waker: Option<Waker>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot {
            state: Mutex::new(SlotState {
                outcome: None,
                waker: None,
            }),
            filled: Condvar::new(),
        }
    }
}

impl<T> Slot<T> {
    fn lock(&self) -> MutexGuard<'_, SlotState<T>> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Called by the worker: store the outcome, then tell both kinds of waiter.
    fn fill(&self, outcome: Result<T, JobPanicked>) {
        let mut state = self.lock();
        state.outcome = Some(outcome);
        let waker = state.waker.take();
        drop(state);
        self.filled.notify_all(); // a thread in `result()`
        if let Some(waker) = waker {
            waker.wake(); // a task in `.await`
        }
    }
}

/// `concurrent.futures.Future`: the outcome of a job submitted to a [`ThreadPool`].
#[derive(Debug)]
pub struct PoolFuture<T> {
    slot: Arc<Slot<T>>,
}

impl<T> PoolFuture<T> {
    /// `fut.result()`: block this thread until the job has run.
    pub fn result(self) -> Result<T, JobPanicked> {
        let mut state = self.slot.lock();
        loop {
            if let Some(outcome) = state.outcome.take() {
                return outcome;
            }
            state = self
                .slot
                .filled
                .wait(state)
                .unwrap_or_else(|p| p.into_inner());
        }
    }
}

// ANCHOR_END: pool_future

// ANCHOR: awaitable
/// `asyncio.wrap_future(fut)`: the same outcome, awaited without blocking the thread.
impl<T> Future for PoolFuture<T> {
    type Output = Result<T, JobPanicked>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut state = self.slot.lock();
        match state.outcome.take() {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: awaitable

/// The job panicked: what `fut.result()` re-raises in Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobPanicked;

impl std::fmt::Display for JobPanicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the job panicked")
    }
}

impl std::error::Error for JobPanicked {}

/// How long each job of the tour sleeps: the article's 1 s, scaled down to 50 ms.
pub const JOB_TIME: Duration = Duration::from_millis(50);

// ANCHOR: func
/// The article's `func(val)`: sleep (blocking the worker thread), return `val`.
pub fn func(val: u32) -> u32 {
    std::thread::sleep(JOB_TIME);
    val
}
// ANCHOR_END: func

// ANCHOR: article_loop
/// The article's loop: `submit`, then `result()` at once, ten times.
///
/// Each `result()` waits for the job just submitted, so only one worker is ever busy:
/// ten jobs take 10 × [`JOB_TIME`], whatever the size of the pool.
pub fn submit_and_wait_each(pool: &ThreadPool) -> Vec<u32> {
    (0..10)
        .map(|i| {
            pool.submit(move || func(i))
                .result()
                .expect("func does not panic")
        })
        .collect()
}
// ANCHOR_END: article_loop

// ANCHOR: submit_all
/// What the pool is for: submit all ten first, then collect the results in order.
///
/// Five workers run five jobs at a time: ten jobs take 2 × [`JOB_TIME`].
pub fn submit_all_then_wait(pool: &ThreadPool) -> Vec<u32> {
    let futures: Vec<_> = (0..10).map(|i| pool.submit(move || func(i))).collect();
    futures
        .into_iter()
        .map(|fut| fut.result().expect("func does not panic"))
        .collect()
}
// ANCHOR_END: submit_all

/// The thread pool tour section: both loops on a pool of 5, timed.
pub fn show() {
    outln!(
        "pool of 5 threads, 10 jobs, each sleeping {} ms",
        JOB_TIME.as_millis()
    );
    let pool = ThreadPool::new(5);
    let start = Instant::now();
    let results = submit_and_wait_each(&pool);
    outln!(
        "submit + result() each: {results:?} in {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let results = submit_all_then_wait(&pool);
    outln!(
        "submit all, then result(): {results:?} in {:.2} s",
        start.elapsed().as_secs_f64()
    );
}
