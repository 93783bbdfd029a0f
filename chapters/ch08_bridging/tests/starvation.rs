//! A task that blocks freezes every other task on its runtime thread; the three fixes do not.
//!
//! Blocking time is real time, which a paused tokio clock does not see (the first test), so these
//! tests run on real-clock runtimes. They never assert how long something took, only what could
//! or could not happen meanwhile: a heartbeat that did or did not tick, a job that did or did not
//! get to see the heartbeat tick while it blocked its thread.

use ch08_bridging::executors::{compute_pool, run_on};
use ch08_bridging::starvation::{Heartbeat, spin, spin_cooperatively, with_heartbeat};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const PERIOD: Duration = Duration::from_millis(1);
const BLOCK: Duration = Duration::from_millis(50);

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
async fn a_blocking_sleep_in_a_task_stops_the_heartbeat_for_as_long_as_it_sleeps() {
    let heartbeat = Heartbeat::start(PERIOD);
    tokio::task::yield_now().await;
    let ticks = heartbeat.ticks();
    let before = ticks.load(Ordering::SeqCst);
    std::thread::sleep(BLOCK);
    assert_eq!(
        ticks.load(Ordering::SeqCst),
        before,
        "not one tick while the thread slept"
    );
    assert!(heartbeat.stop().await >= BLOCK);
}

#[tokio::test]
async fn with_heartbeat_reports_the_freeze_as_the_longest_gap() {
    let ((), gap) = with_heartbeat(PERIOD, async { std::thread::sleep(BLOCK) }).await;
    assert!(gap >= BLOCK, "{gap:?}");
    let (rounds, gap) = with_heartbeat(PERIOD, async { spin(BLOCK) }).await;
    assert!(rounds > 0);
    assert!(gap >= BLOCK, "a CPU loop freezes it too: {gap:?}");
}

#[tokio::test]
async fn a_job_blocking_the_runtime_thread_never_sees_a_tick() {
    let heartbeat = Heartbeat::start(PERIOD);
    tokio::task::yield_now().await;
    assert!(!wait_for_ticks(&heartbeat.ticks(), 3, BLOCK));
    heartbeat.stop().await;
}

#[tokio::test]
async fn a_job_on_the_blocking_pool_sees_the_heartbeat_go_on() {
    let heartbeat = Heartbeat::start(PERIOD);
    let ticks = heartbeat.ticks();
    let saw =
        tokio::task::spawn_blocking(move || wait_for_ticks(&ticks, 3, Duration::from_secs(10)));
    assert!(saw.await.unwrap());
    heartbeat.stop().await;
}

#[tokio::test]
async fn a_job_on_a_compute_pool_sees_the_heartbeat_go_on() {
    let heartbeat = Heartbeat::start(PERIOD);
    let ticks = heartbeat.ticks();
    let pool = compute_pool();
    assert!(
        run_on(&pool, move || wait_for_ticks(
            &ticks,
            3,
            Duration::from_secs(10)
        ))
        .await
    );
    heartbeat.stop().await;
}

#[tokio::test]
async fn a_cpu_loop_that_yields_lets_the_other_tasks_run_at_every_yield() {
    // A task that is always ready and counts its turns (a timer-driven heartbeat would also
    // depend on how much CPU time the OS gives this thread; this one only on the yields).
    let turns = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&turns);
    let other = tokio::spawn(async move {
        loop {
            counter.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
        }
    });
    tokio::task::yield_now().await;
    let before = turns.load(Ordering::SeqCst);
    assert!(spin_cooperatively(BLOCK, Duration::from_millis(1)).await > 0);
    assert!(
        turns.load(Ordering::SeqCst) > before,
        "the other task ran during the loop"
    );

    // The same loop without the yields: the other task waits until it is over.
    let before = turns.load(Ordering::SeqCst);
    assert!(spin(BLOCK) > 0);
    assert_eq!(turns.load(Ordering::SeqCst), before);
    other.abort();
}
