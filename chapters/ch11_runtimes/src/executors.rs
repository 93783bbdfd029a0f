//! Six executors behind one small trait, so that one workload runs unchanged on each.
//!
//! Python swaps its event loop with one line (`uvloop.run(main())`); the code above the loop
//! does not change, because every asyncio-compatible loop implements the same interface. Rust
//! has no built-in loop at all: a *future* is portable, and whoever polls it is the executor.
//! [`Executor`] names the three things the workloads need from one: run a future to its end
//! on this thread ([`Executor::block_on`]), start a task ([`Executor::spawn`]), and start a
//! task that sleeps ([`Executor::spawn_sleeper`]), the one place where an executor's own timer
//! is needed.
//!
//! | executor                    | threads | timer used by `spawn_sleeper`                    |
//! |-----------------------------|---------|--------------------------------------------------|
//! | [`TokioCurrentThread`]      | 1       | tokio's (driven by the runtime itself)           |
//! | [`TokioMultiThread`]        | 2       | tokio's                                          |
//! | [`Smol`] (`LocalExecutor`)  | 1       | `smol::Timer` (async-io's reactor)               |
//! | [`FuturesLocalPool`]        | 1       | `smol::Timer`: futures has no timer              |
//! | [`FuturesThreadPool`]       | 2       | `smol::Timer`                                    |
//! | [`Chapter6`]                | 1       | chapter 6's own timer heap                       |

use futures::FutureExt;
use futures::executor::{LocalPool, LocalSpawner, ThreadPool};
use futures::future::{Map, RemoteHandle};
use futures::task::{LocalSpawnExt, SpawnExt};
use std::cell::RefCell;
use std::future::Future;
use std::panic;
use std::time::Duration;

/// Worker threads of the multi-threaded executors: the cores of the machine the book's
/// figures were measured on.
pub const WORKERS: usize = 2;

/// What a workload needs from an executor.
pub trait Executor {
    /// The future a spawned task's result comes out of: tokio's `JoinHandle`, smol's `Task`, ….
    type Handle<T: Send + 'static>: Future<Output = T> + 'static;

    /// Run `future` to its end on the calling thread, running spawned tasks meanwhile:
    /// Python's `loop.run_until_complete` / `asyncio.run`.
    fn block_on<F: Future + 'static>(&self, future: F) -> F::Output;

    /// Start a task: `asyncio.create_task`. Its result (or its panic) comes out of the handle.
    fn spawn<F>(&self, future: F) -> Self::Handle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static;

    /// Start a task that sleeps `duration` on a timer this executor can drive:
    /// `asyncio.create_task(asyncio.sleep(duration))`.
    fn spawn_sleeper(&self, duration: Duration) -> Self::Handle<()>;
}

/// A tokio `JoinHandle` whose output is the task's value, its panic resumed in the awaiter.
type TokioHandle<T> = Map<tokio::task::JoinHandle<T>, fn(Result<T, tokio::task::JoinError>) -> T>;

fn join_or_resume<T>(joined: Result<T, tokio::task::JoinError>) -> T {
    joined.unwrap_or_else(|error| panic::resume_unwind(error.into_panic()))
}

/// `#[tokio::main(flavor = "current_thread")]`: one thread, like asyncio's and uvloop's loops.
#[derive(Debug)]
pub struct TokioCurrentThread(tokio::runtime::Runtime);

impl TokioCurrentThread {
    // ANCHOR: tokio_builders
    /// `tokio::runtime::Builder::new_current_thread()`.
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("building a tokio runtime only fails if the OS refuses an epoll instance");
        TokioCurrentThread(runtime)
    }
}

impl TokioMultiThread {
    /// `tokio::runtime::Builder::new_multi_thread()` with [`WORKERS`] worker threads.
    pub fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(WORKERS)
            .enable_time()
            .build()
            .expect("building a tokio runtime only fails if the OS refuses an epoll instance");
        TokioMultiThread(runtime)
    }
    // ANCHOR_END: tokio_builders
}

/// `#[tokio::main]`: a work-stealing pool of worker threads.
#[derive(Debug)]
pub struct TokioMultiThread(tokio::runtime::Runtime);

macro_rules! tokio_executor {
    ($type:ty) => {
        impl Default for $type {
            fn default() -> Self {
                Self::new()
            }
        }

        impl Executor for $type {
            type Handle<T: Send + 'static> = TokioHandle<T>;

            fn block_on<F: Future + 'static>(&self, future: F) -> F::Output {
                self.0.block_on(future)
            }

            fn spawn<F>(&self, future: F) -> TokioHandle<F::Output>
            where
                F: Future + Send + 'static,
                F::Output: Send + 'static,
            {
                self.0.spawn(future).map(join_or_resume as fn(_) -> _)
            }

            fn spawn_sleeper(&self, duration: Duration) -> TokioHandle<()> {
                // `tokio::time::sleep` needs the runtime's timer: enter the runtime to create it.
                let _inside = self.0.enter();
                self.spawn(tokio::time::sleep(duration))
            }
        }
    };
}

tokio_executor!(TokioCurrentThread);
tokio_executor!(TokioMultiThread);

/// smol's single-threaded `LocalExecutor`, run by `smol::block_on`.
#[derive(Debug, Default)]
pub struct Smol(smol::LocalExecutor<'static>);

impl Executor for Smol {
    type Handle<T: Send + 'static> = smol::Task<T>;

    fn block_on<F: Future + 'static>(&self, future: F) -> F::Output {
        smol::block_on(self.0.run(future))
    }

    fn spawn<F>(&self, future: F) -> smol::Task<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.0.spawn(future)
    }

    fn spawn_sleeper(&self, duration: Duration) -> smol::Task<()> {
        self.spawn(async move {
            smol::Timer::after(duration).await;
        })
    }
}

/// `futures::executor::LocalPool`: the futures crate's single-threaded executor.
#[derive(Debug)]
pub struct FuturesLocalPool {
    pool: RefCell<LocalPool>,
    spawner: LocalSpawner,
}

impl Default for FuturesLocalPool {
    fn default() -> Self {
        let pool = LocalPool::new();
        let spawner = pool.spawner();
        FuturesLocalPool {
            pool: RefCell::new(pool),
            spawner,
        }
    }
}

impl Executor for FuturesLocalPool {
    type Handle<T: Send + 'static> = RemoteHandle<T>;

    fn block_on<F: Future + 'static>(&self, future: F) -> F::Output {
        self.pool.borrow_mut().run_until(future)
    }

    fn spawn<F>(&self, future: F) -> RemoteHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.spawner
            .spawn_local_with_handle(future)
            .expect("a LocalPool accepts tasks as long as it exists")
    }

    fn spawn_sleeper(&self, duration: Duration) -> RemoteHandle<()> {
        self.spawn(async move {
            smol::Timer::after(duration).await;
        })
    }
}

/// `futures::executor::ThreadPool` with [`WORKERS`] threads; `block_on` waits on the caller's.
#[derive(Debug)]
pub struct FuturesThreadPool(ThreadPool);

impl Default for FuturesThreadPool {
    fn default() -> Self {
        let pool = ThreadPool::builder()
            .pool_size(WORKERS)
            .create()
            .expect("the OS lets us start two threads");
        FuturesThreadPool(pool)
    }
}

impl Executor for FuturesThreadPool {
    type Handle<T: Send + 'static> = RemoteHandle<T>;

    fn block_on<F: Future + 'static>(&self, future: F) -> F::Output {
        futures::executor::block_on(future)
    }

    fn spawn<F>(&self, future: F) -> RemoteHandle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.0
            .spawn_with_handle(future)
            .expect("a ThreadPool accepts tasks as long as it exists")
    }

    fn spawn_sleeper(&self, duration: Duration) -> RemoteHandle<()> {
        self.spawn(async move {
            smol::Timer::after(duration).await;
        })
    }
}

/// Chapter 6's executor, used as a library: ready queue, wakers, timer heap, one thread.
#[derive(Debug, Default)]
pub struct Chapter6(ch06_event_loop::Executor);

/// A chapter-6 `JoinHandle` whose output is the task's value.
type Chapter6Handle<T> =
    Map<ch06_event_loop::JoinHandle<T>, fn(Result<T, ch06_event_loop::TaskPanicked>) -> T>;

fn unwrap_chapter6<T>(joined: Result<T, ch06_event_loop::TaskPanicked>) -> T {
    joined.unwrap_or_else(|panicked| panic!("a chapter-6 task panicked: {panicked}"))
}

impl Executor for Chapter6 {
    type Handle<T: Send + 'static> = Chapter6Handle<T>;

    fn block_on<F: Future + 'static>(&self, future: F) -> F::Output {
        self.0.block_on(future)
    }

    fn spawn<F>(&self, future: F) -> Chapter6Handle<F::Output>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        self.0.spawn(future).map(unwrap_chapter6 as fn(_) -> _)
    }

    fn spawn_sleeper(&self, duration: Duration) -> Chapter6Handle<()> {
        // Chapter 6's `Sleep` finds its timer heap through the running executor, so it is not
        // `Send`: spawn it directly rather than through the `Send`-bound `spawn`.
        self.0
            .spawn(ch06_event_loop::sleep(duration))
            .map(unwrap_chapter6 as fn(_) -> _)
    }
}

/// Which executor: the list the tour and the benchmark walk through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`TokioCurrentThread`]
    TokioCurrentThread,
    /// [`TokioMultiThread`]
    TokioMultiThread,
    /// [`Smol`]
    Smol,
    /// [`FuturesLocalPool`]
    FuturesLocalPool,
    /// [`FuturesThreadPool`]
    FuturesThreadPool,
    /// [`Chapter6`]
    Chapter6,
}

impl Kind {
    /// Every executor, in the order the tables print them.
    pub const ALL: [Kind; 6] = [
        Kind::TokioCurrentThread,
        Kind::TokioMultiThread,
        Kind::Smol,
        Kind::FuturesLocalPool,
        Kind::FuturesThreadPool,
        Kind::Chapter6,
    ];

    /// Whether it runs tasks on a pool of threads rather than on the caller's thread.
    pub fn is_multi_threaded(self) -> bool {
        matches!(self, Kind::TokioMultiThread | Kind::FuturesThreadPool)
    }

    /// The name the tables print.
    pub fn name(self) -> &'static str {
        match self {
            Kind::TokioCurrentThread => "tokio current-thread",
            Kind::TokioMultiThread => "tokio multi-thread",
            Kind::Smol => "smol LocalExecutor",
            Kind::FuturesLocalPool => "futures LocalPool",
            Kind::FuturesThreadPool => "futures ThreadPool",
            Kind::Chapter6 => "chapter 6 Executor",
        }
    }
}

/// Build a fresh executor of `kind` and run `visit` on it: how one generic workload reaches
/// all six types.
pub fn with_executor<R>(kind: Kind, visit: impl Visit<Output = R>) -> R {
    match kind {
        Kind::TokioCurrentThread => visit.visit(&TokioCurrentThread::new()),
        Kind::TokioMultiThread => visit.visit(&TokioMultiThread::new()),
        Kind::Smol => visit.visit(&Smol::default()),
        Kind::FuturesLocalPool => visit.visit(&FuturesLocalPool::default()),
        Kind::FuturesThreadPool => visit.visit(&FuturesThreadPool::default()),
        Kind::Chapter6 => visit.visit(&Chapter6::default()),
    }
}

/// Something to do with an executor of any type (a closure cannot be generic, a trait can).
pub trait Visit {
    /// What the visit gives back.
    type Output;
    /// Do it on `executor`.
    fn visit<E: Executor>(self, executor: &E) -> Self::Output;
}
