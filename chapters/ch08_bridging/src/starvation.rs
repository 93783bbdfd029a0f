//! What goes wrong when blocking code runs on a runtime thread, measured.
//!
//! An event loop is one thread taking turns: a task runs until it reaches an `.await` that is
//! not ready, then the next task runs. A call that blocks the thread (`std::thread::sleep`, a
//! blocking socket read, `reqwest::blocking`, a long CPU loop) reaches no `.await`, so nothing
//! else on that thread runs until it returns: not the other tasks, not the timers, not the I/O.
//! asyncio has the same rule (a `time.sleep(2)` in a coroutine freezes the loop for 2 s); the
//! compiler does not catch it in either language.
//!
//! The measuring instrument is a [`Heartbeat`]: a task that wants to tick every few
//! milliseconds and records the longest gap between two of its ticks. While the runtime is
//! healthy the gap is about one period; while a task blocks the thread the gap is as long as the
//! block.
//!
//! The gaps are read from the operating system's clock (`std::time::Instant`), not tokio's, and
//! the runtime here runs on real time even under `--virtual-clock`: blocking work takes real
//! time that a paused tokio clock never sees (it only moves when every task waits on a timer),
//! so a paused clock would report the frozen loop as a gap of zero.

use crate::executors;
use shared::outln;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

/// How often the tour's heartbeat wants to tick.
pub const PERIOD: Duration = Duration::from_millis(20);
/// How long each of the tour's jobs blocks or burns the CPU.
pub const JOB: Duration = Duration::from_millis(200);
/// The CPU slice between two `yield_now` calls in [`spin_cooperatively`].
pub const SLICE: Duration = Duration::from_millis(5);

// ANCHOR: heartbeat
/// A task that ticks every `period` and remembers the longest gap between two ticks.
#[derive(Debug)]
pub struct Heartbeat {
    ticks: Arc<AtomicUsize>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<Duration>,
}

impl Heartbeat {
    /// Spawn the heartbeat on the current runtime.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn start(period: Duration) -> Heartbeat {
        let ticks = Arc::new(AtomicUsize::new(0));
        let (stop, mut stopped) = oneshot::channel();
        let counter = Arc::clone(&ticks);
        let task = tokio::spawn(async move {
            let mut interval = tokio::time::interval(period);
            // After a freeze, carry on ticking every `period`, not in a burst of catch-up ticks.
            interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
            let mut last = Instant::now();
            let mut longest = Duration::ZERO;
            loop {
                tokio::select! {
                    biased;
                    _ = &mut stopped => return longest.max(last.elapsed()),
                    _ = interval.tick() => {
                        longest = longest.max(last.elapsed());
                        last = Instant::now();
                        counter.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
        });
        Heartbeat { ticks, stop, task }
    }

    /// The ticks so far, shared: a thread can watch it to see whether the runtime is alive.
    pub fn ticks(&self) -> Arc<AtomicUsize> {
        Arc::clone(&self.ticks)
    }

    /// Stop it and return the longest gap it saw, the last one (up to now) included.
    pub async fn stop(self) -> Duration {
        let _ = self.stop.send(());
        self.task.await.expect("the heartbeat does not panic")
    }
}

/// Run `job` on the current task while a [`Heartbeat`] ticks beside it; return the job's
/// output and the longest heartbeat gap.
pub async fn with_heartbeat<F: Future>(period: Duration, job: F) -> (F::Output, Duration) {
    let heartbeat = Heartbeat::start(period);
    tokio::task::yield_now().await; // let it start (and read the clock) before the job starts
    let output = job.await;
    (output, heartbeat.stop().await)
}
// ANCHOR_END: heartbeat

// ANCHOR: spin
/// CPU-bound work standing for a real computation: burn the CPU for `duration`, return how
/// many rounds of the loop that was. It checks the clock after a round, not before, so it always
/// does some work, even if the OS kept the thread waiting for the whole `duration`.
pub fn spin(duration: Duration) -> u64 {
    let start = Instant::now();
    let mut rounds = 0_u64;
    loop {
        rounds = std::hint::black_box(rounds + 1); // black_box: keep the loop a real loop
        if start.elapsed() >= duration {
            return rounds;
        }
    }
}

/// The same work, cut into slices with a `yield_now().await` after each one: there the
/// runtime gets its thread back and runs whatever else is ready (Python: `await asyncio.sleep(0)`).
pub async fn spin_cooperatively(duration: Duration, slice: Duration) -> u64 {
    let start = Instant::now();
    let mut rounds = 0;
    loop {
        rounds += spin(slice);
        tokio::task::yield_now().await;
        if start.elapsed() >= duration {
            return rounds;
        }
    }
}
// ANCHOR_END: spin

fn report(what: &str, gap: Duration) {
    outln!("{what:<38} longest heartbeat gap: {} ms", gap.as_millis());
}

/// The blocking-sleep tour section: the mistake, then `spawn_blocking`.
pub fn show_sleep() {
    shared::runtime::real_time().block_on(async {
        outln!(
            "a heartbeat task ticks every {} ms; each job sleeps {} ms",
            PERIOD.as_millis(),
            JOB.as_millis()
        );
        // ANCHOR: sleep
        // The mistake: a blocking sleep inside async code holds the runtime's only thread.
        let ((), gap) = with_heartbeat(PERIOD, async { std::thread::sleep(JOB) }).await;
        report("blocking sleep inside a task", gap);

        // The fix: hand it to the blocking pool and await the result.
        let on_pool = async {
            let sleeper = tokio::task::spawn_blocking(|| std::thread::sleep(JOB));
            sleeper.await.expect("sleeping does not panic");
        };
        let ((), gap) = with_heartbeat(PERIOD, on_pool).await;
        report("blocking sleep on the blocking pool", gap);
        // ANCHOR_END: sleep
    });
}

/// The CPU-bound tour section: a loop in a task, the loop with `yield_now`, the loop on rayon.
pub fn show_cpu() {
    let pool = executors::compute_pool();
    shared::runtime::real_time().block_on(async {
        outln!(
            "a heartbeat task ticks every {} ms; each job computes for {} ms",
            PERIOD.as_millis(),
            JOB.as_millis()
        );
        // ANCHOR: cpu
        let (_, gap) = with_heartbeat(PERIOD, async { spin(JOB) }).await;
        report("CPU loop in a task", gap);

        let (_, gap) = with_heartbeat(PERIOD, spin_cooperatively(JOB, SLICE)).await;
        report(
            &format!("CPU loop, yield_now every {} ms", SLICE.as_millis()),
            gap,
        );

        let (_, gap) = with_heartbeat(PERIOD, executors::run_on(&pool, || spin(JOB))).await;
        report("CPU loop on a compute pool", gap);
        // ANCHOR_END: cpu
    });
}
