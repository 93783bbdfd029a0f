//! The four workloads, written once against [`Executor`] and run on every executor.
//!
//! They use nothing executor-specific except [`Executor::spawn_sleeper`]: the yield is
//! `futures-lite`'s `yield_now` (re-exported by smol), the channel and the notification are
//! `tokio::sync`'s, which need no tokio runtime (only `tokio::time` and `tokio::net` do, see
//! [`crate::portability`]). Each one reports what it did, so tests can check the counts; the
//! tour and the benchmark time them.

use crate::executors::{Executor, Kind, Visit, with_executor};
use crate::memory::Counting;
use smol::future::yield_now;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc};

// ANCHOR: spawn_yield
/// Spawn `tasks` tasks that each yield once, then wait for all of them: Python's
/// `await asyncio.gather(*(asyncio.create_task(one_yield(i)) for i in range(n)))`.
/// Returns the sum of the tasks' results (each returns its index).
#[derive(Debug, Clone, Copy)]
pub struct SpawnYield {
    /// How many tasks.
    pub tasks: usize,
}

impl Visit for SpawnYield {
    type Output = usize;

    fn visit<E: Executor>(self, executor: &E) -> usize {
        let handles: Vec<_> = (0..self.tasks)
            .map(|i| {
                executor.spawn(async move {
                    yield_now().await;
                    i
                })
            })
            .collect();
        // Every task is already running; awaiting the handles one by one is the cheapest way
        // to collect them (`join_all` would add a `FuturesUnordered` of 100k entries).
        executor.block_on(async move {
            let mut sum = 0;
            for handle in handles {
                sum += handle.await;
            }
            sum
        })
    }
}
// ANCHOR_END: spawn_yield

// ANCHOR: ping_pong
/// Two tasks pass a number back and forth over two channels, `rounds` round trips; the
/// number grows by one at each hop. Returns every value the pinger got back, in order.
#[derive(Debug, Clone, Copy)]
pub struct PingPong {
    /// How many round trips.
    pub rounds: usize,
}

impl Visit for PingPong {
    type Output = Vec<usize>;

    fn visit<E: Executor>(self, executor: &E) -> Vec<usize> {
        // At most one message is ever in flight (each side waits for the reply), so a bound
        // would never apply: unbounded channels, which skip the bounded ones' semaphore.
        let (to_pong, mut pong_inbox) = mpsc::unbounded_channel::<usize>();
        let (to_ping, mut ping_inbox) = mpsc::unbounded_channel::<usize>();
        let rounds = self.rounds;
        let ping = executor.spawn(async move {
            let mut replies = Vec::with_capacity(rounds);
            let mut value = 0;
            for _ in 0..rounds {
                to_pong.send(value).expect("pong is alive");
                value = ping_inbox.recv().await.expect("pong answers");
                replies.push(value);
                value += 1;
            }
            replies // dropping `to_pong` ends pong's loop
        });
        let pong = executor.spawn(async move {
            while let Some(value) = pong_inbox.recv().await {
                to_ping.send(value + 1).expect("ping is alive");
            }
        });
        executor.block_on(async move {
            let replies = ping.await;
            pong.await;
            replies
        })
    }
}
// ANCHOR_END: ping_pong

// ANCHOR: sleepers
/// `tasks` tasks each sleep `duration`, all at once. Returns how many finished.
#[derive(Debug, Clone, Copy)]
pub struct Sleepers {
    /// How many tasks.
    pub tasks: usize,
    /// How long each sleeps.
    pub duration: Duration,
}

impl Visit for Sleepers {
    type Output = usize;

    fn visit<E: Executor>(self, executor: &E) -> usize {
        let handles: Vec<_> = (0..self.tasks)
            .map(|_| executor.spawn_sleeper(self.duration))
            .collect();
        executor.block_on(async move {
            let mut woke = 0;
            for handle in handles {
                handle.await;
                woke += 1;
            }
            woke
        })
    }
}

/// The same with one OS thread per sleeper: what a thread per connection costs.
pub fn thread_sleepers(threads: usize, duration: Duration) -> std::io::Result<usize> {
    let handles = (0..threads)
        .map(|_| std::thread::Builder::new().spawn(move || std::thread::sleep(duration)))
        .collect::<std::io::Result<Vec<_>>>()?;
    let finished = handles.into_iter().filter_map(|h| h.join().ok()).count();
    Ok(finished)
}
// ANCHOR_END: sleepers

// ANCHOR: parked
/// What [`Parked`] saw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParkedReport {
    /// Tasks that were parked on the notification at once.
    pub parked: usize,
    /// Tasks that woke up after the one notification and finished.
    pub woken: usize,
    /// Heap bytes per parked task (its state, its handle, the scheduler's share), when the
    /// program counts allocations ([`crate::memory::CountingAllocator`]).
    pub bytes_per_task: Option<f64>,
}

/// `tasks` tasks all wait for one notification (Python: `await event.wait()`); once every one
/// is parked, the bytes they hold are counted, one `notify_waiters` wakes them all, and each
/// finishes.
#[derive(Debug, Clone, Copy)]
pub struct Parked {
    /// How many tasks.
    pub tasks: usize,
}

impl Visit for Parked {
    type Output = ParkedReport;

    fn visit<E: Executor>(self, executor: &E) -> ParkedReport {
        let counting = Counting::start();
        let notify = Arc::new(Notify::new());
        let parked = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..self.tasks)
            .map(|_| {
                let (notify, parked) = (Arc::clone(&notify), Arc::clone(&parked));
                executor.spawn(async move {
                    let notified = notify.notified(); // created before the notification
                    parked.fetch_add(1, Ordering::SeqCst);
                    notified.await;
                })
            })
            .collect();
        let tasks = self.tasks;
        executor.block_on(async move {
            while parked.load(Ordering::SeqCst) < tasks {
                yield_now().await; // let every task run to its `await`
            }
            let bytes_per_task = counting.map(|c| c.live() as f64 / tasks.max(1) as f64);
            let parked = parked.load(Ordering::SeqCst);
            notify.notify_waiters();
            let mut woken = 0;
            for handle in handles {
                handle.await;
                woken += 1;
            }
            ParkedReport {
                parked,
                woken,
                bytes_per_task,
            }
        })
    }
}
// ANCHOR_END: parked

/// Run `workload` on a fresh executor of `kind` and time it (building the executor excluded).
pub fn timed<W: Visit>(kind: Kind, workload: W) -> (W::Output, Duration) {
    struct Timed<W>(W);
    impl<W: Visit> Visit for Timed<W> {
        type Output = (W::Output, Duration);
        fn visit<E: Executor>(self, executor: &E) -> Self::Output {
            let start = Instant::now();
            let output = self.0.visit(executor);
            (output, start.elapsed())
        }
    }
    with_executor(kind, Timed(workload))
}
