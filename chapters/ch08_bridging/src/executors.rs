//! 三.5.5.2 concurrent.future.Future: `loop.run_in_executor(pool, func)`, three kinds of pool.
//!
//! asyncio cannot await a blocking function; it can hand the function to a pool and await a
//! future that the pool completes (`run_in_executor` submits to the pool, gets a
//! `concurrent.futures.Future`, and wraps it with `asyncio.wrap_future`). The article runs
//! `func1`, a 2-second `time.sleep`, in three pools. Each has a tokio counterpart:
//!
//! - `run_in_executor(None, func1)`, the loop's default thread pool:
//!   [`tokio::task::spawn_blocking`], the runtime's blocking pool (up to 512 threads by
//!   default, started on demand);
//! - a custom `ThreadPoolExecutor`: a pool of your own, here a [`rayon::ThreadPool`], and a
//!   [`tokio::sync::oneshot`] channel playing `wrap_future`: the pool thread sends the result,
//!   the task awaits the receiver;
//! - a `ProcessPoolExecutor`: a child process, started and awaited with [`tokio::process`].
//!   Python needs processes for CPU work because of the GIL; Rust threads run in parallel, so a
//!   process is for isolation (a crash, a leak, a foreign program), not for speed.

use shared::{Timeline, outln};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::process::ExitCode;
use std::time::Duration;

/// How long the tour's `func1` blocks (the article's is 2 s; ours is short).
pub const FUNC1_TIME: Duration = Duration::from_millis(100);

/// The worker job that runs [`func1`] in a child process (see [`shared::Tour::worker`]).
pub const FUNC1_JOB: &str = "func1";

// ANCHOR: func1
/// `def func1(): time.sleep(2); return "11"`: a slow, blocking operation.
pub fn func1() -> String {
    std::thread::sleep(FUNC1_TIME);
    "11".to_owned()
}
// ANCHOR_END: func1

// ANCHOR: default_pool
/// `await loop.run_in_executor(None, func1)`: tokio's blocking pool.
pub async fn on_default_pool() -> String {
    tokio::task::spawn_blocking(func1)
        .await
        .expect("func1 does not panic")
}
// ANCHOR_END: default_pool

// ANCHOR: run_on
/// `await loop.run_in_executor(pool, job)` for a rayon pool: the pool runs `job` on one of its
/// threads, and a oneshot channel carries the result back to the awaiting task.
///
/// A panic in `job` is caught on the pool thread and resumed here, in the task that awaits it,
/// as `JoinHandle` does for `spawn_blocking` (left alone, a panic in a rayon job aborts the
/// process).
pub async fn run_on<T, F>(pool: &rayon::ThreadPool, job: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (sender, receiver) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        // The receiver may be gone (the awaiting task was cancelled): nobody wants the result.
        let _ = sender.send(catch_unwind(AssertUnwindSafe(job)));
    });
    // The pool cannot be dropped while we borrow it, so it runs the job, and the job sends.
    match receiver.await.expect("the job always sends its result") {
        Ok(value) => value,
        Err(panic) => resume_unwind(panic),
    }
}
// ANCHOR_END: run_on

// ANCHOR: custom_pool
/// `concurrent.futures.ThreadPoolExecutor(max_workers=2)`: a pool of our own, two named threads.
///
/// Its threads take whatever we give them, blocking calls included: nobody else's work queues
/// behind them. (Rayon's *global* pool is another matter: it is for CPU work, and a blocking job
/// there stalls every `par_iter` in the program.)
pub fn custom_pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .thread_name(|i| format!("custom-pool-{i}"))
        .build()
        .expect("the OS lets us start two threads")
}
// ANCHOR_END: custom_pool

/// A pool for CPU-bound work: one thread per core, rayon's default.
pub fn compute_pool() -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("compute-{i}"))
        .build()
        .expect("the OS lets us start a thread per core")
}

// ANCHOR: process_pool
/// `ProcessPoolExecutor().submit(func1)`: run `func1` in a child process and read its answer
/// from the child's stdout. The child is this very program, started as a worker
/// ([`func1_worker`]), the way `multiprocessing` re-runs the main module.
pub async fn in_child_process() -> Result<String, String> {
    let command = shared::tour::worker_command(FUNC1_JOB, "")
        .map_err(|e| format!("cannot find the current executable: {e}"))?;
    // `output()` awaits the exit and collects stdout without blocking the runtime thread.
    let output = tokio::process::Command::from(command)
        .output()
        .await
        .map_err(|e| format!("cannot start the worker process: {e}"))?;
    if !output.status.success() {
        return Err(format!("the worker process failed: {}", output.status));
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// The child's side: print `func1()` for the parent to read.
pub fn func1_worker(_argument: &str) -> ExitCode {
    outln!("{}", func1());
    ExitCode::SUCCESS
}
// ANCHOR_END: process_pool

/// The tour section: the article's `main`, one pool after another.
pub fn show() {
    shared::runtime::real_time().block_on(async {
        let timeline = Timeline::start();
        // ANCHOR: main
        let result = on_default_pool().await;
        timeline.say(format_args!("default thread pool {result}"));

        let pool = custom_pool();
        let result = run_on(&pool, func1).await;
        timeline.say(format_args!("custom thread pool {result}"));

        match in_child_process().await {
            Ok(result) => timeline.say(format_args!("custom process pool {result}")),
            Err(error) => timeline.say(format_args!("custom process pool failed: {error}")),
        }
        // ANCHOR_END: main
    });
}
