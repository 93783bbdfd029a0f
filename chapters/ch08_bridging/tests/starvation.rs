//! A task that blocks freezes every other task on its runtime thread; the three fixes do not.
//!
//! Blocking time is real time, which a paused tokio clock does not see (the first test), so these
//! tests run on real-clock runtimes (`#[tokio::test]`: one thread). They never compare a duration
//! with a number of milliseconds, which a busy machine would break. They check what could or could
//! not happen meanwhile: how many times the heartbeat ticked, whether a job saw it tick while the
//! job held a thread, whether another task got a turn. A job that waits to see ticks gets a
//! generous time limit; the limit only matters when the test is about to fail, since the job
//! returns as soon as it sees the ticks.

mod common;

use ch08_bridging::executors::{compute_pool, run_on};
use ch08_bridging::starvation::{Heartbeat, spin, spin_cooperatively, with_heartbeat};
use common::TurnCounter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const PERIOD: Duration = Duration::from_millis(1);
const BLOCK: Duration = Duration::from_millis(50);
/// How long a job that expects ticks waits for them before it gives up.
const PATIENCE: Duration = Duration::from_secs(30);

/// Block the calling thread until the heartbeat has ticked `more` times, for at most `limit`.
/// True if it saw them: proof that the runtime ran the heartbeat while this thread blocked.
fn wait_for_ticks(ticks: &AtomicUsize, more: usize, limit: Duration) -> bool {
    let target = ticks.load(Ordering::SeqCst) + more;
    let start = Instant::now();
    while start.elapsed() < limit {
        if ticks.load(Ordering::SeqCst) >= target {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

#[tokio::test(start_paused = true)]
async fn a_paused_clock_does_not_see_blocking_time() {
    let before = tokio::time::Instant::now();
    std::thread::sleep(Duration::from_millis(20));
    assert_eq!(
        before.elapsed(),
        Duration::ZERO,
        "so blocking is measured on the OS clock"
    );
}

#[tokio::test]
async fn a_job_blocking_the_runtime_thread_never_sees_a_tick() {
    let heartbeat = Heartbeat::start(PERIOD);
    tokio::task::yield_now().await; // the heartbeat task has started and waits for its timer
    let ticks = heartbeat.ticks();
    let before = ticks.load(Ordering::SeqCst);

    // 50 ticks are due while this thread blocks; the job waits for 3 of them and sees none.
    assert!(!wait_for_ticks(&ticks, 3, BLOCK));
    std::thread::sleep(BLOCK);
    assert_eq!(ticks.load(Ordering::SeqCst), before, "not one tick");

    // The heartbeat was only frozen: at the first `.await` that gives the thread back, it beats.
    let resumed = tokio::time::timeout(PATIENCE, async {
        while ticks.load(Ordering::SeqCst) == before {
            tokio::time::sleep(PERIOD).await;
        }
    });
    assert!(resumed.await.is_ok(), "the heartbeat ticks again");
    heartbeat.stop().await;
}

#[tokio::test]
async fn with_heartbeat_reports_the_whole_freeze_as_the_longest_gap() {
    // The job measures itself: the heartbeat's gap must cover all of it, since the heartbeat
    // started its clock before the job started and could not tick until the job ended.
    let timed = |job: fn()| async move {
        let start = Instant::now();
        job();
        start.elapsed()
    };
    let (slept, gap) = with_heartbeat(PERIOD, timed(|| std::thread::sleep(BLOCK))).await;
    assert!(gap >= slept, "gap {gap:?}, the sleep took {slept:?}");
    let (spun, gap) = with_heartbeat(
        PERIOD,
        timed(|| {
            spin(BLOCK);
        }),
    )
    .await;
    assert!(
        gap >= spun,
        "a CPU loop freezes it too: gap {gap:?}, the loop took {spun:?}"
    );
}

#[tokio::test]
async fn a_job_on_the_blocking_pool_sees_the_heartbeat_go_on() {
    let heartbeat = Heartbeat::start(PERIOD);
    let ticks = heartbeat.ticks();
    let saw = tokio::task::spawn_blocking(move || wait_for_ticks(&ticks, 3, PATIENCE));
    assert!(saw.await.unwrap());
    heartbeat.stop().await;
}

#[tokio::test]
async fn a_job_on_a_compute_pool_sees_the_heartbeat_go_on() {
    let heartbeat = Heartbeat::start(PERIOD);
    let ticks = heartbeat.ticks();
    let pool = compute_pool();
    assert!(run_on(&pool, move || wait_for_ticks(&ticks, 3, PATIENCE)).await);
    heartbeat.stop().await;
}

#[tokio::test]
async fn a_cpu_loop_that_yields_lets_the_other_tasks_run_at_every_yield() {
    // A task that is always ready and counts its turns (a timer-driven heartbeat would also
    // depend on how much CPU time the OS gives this thread; this one only on the yields).
    let other = TurnCounter::spawn();
    tokio::task::yield_now().await;
    // The loop yields at least once (after its first slice), and at each yield the other task
    // gets one turn.
    let before = other.turns();
    spin_cooperatively(BLOCK, Duration::from_millis(1)).await;
    assert!(other.turns() > before, "the other task ran during the loop");

    // The same loop without the yields: the other task waits until it is over.
    let before = other.turns();
    spin(BLOCK);
    assert_eq!(other.turns(), before);
}
