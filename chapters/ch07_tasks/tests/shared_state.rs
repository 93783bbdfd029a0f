//! Shared state between tasks: each claim of the shared-state page, on tokio's paused clock
//! where time matters, and on a real multi-thread runtime where parallelism is the point.

use ch07_tasks::shared_state::{channels, locks, lost_update, signals};
use std::time::Duration;
use tokio::time::Instant;

const SLOW: Duration = Duration::from_millis(100);

#[tokio::test(start_paused = true)]
async fn an_await_between_read_and_write_loses_updates_even_on_one_thread() {
    let start = Instant::now();
    assert_eq!(
        lost_update::one_thread(3, SLOW).await,
        1,
        "two of three additions lost"
    );
    assert_eq!(start.elapsed(), SLOW, "the three tasks overlapped");
}

#[tokio::test(start_paused = true)]
async fn a_tokio_mutex_held_across_the_await_loses_nothing_and_serialises() {
    let start = Instant::now();
    assert_eq!(lost_update::one_thread_locked(3, SLOW).await, 3);
    assert_eq!(start.elapsed(), SLOW * 3, "the tasks took turns");
}

const EACH: u64 = 2_000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_two_threads_load_then_store_loses_updates_without_any_await() {
    let count = lost_update::on_threads(2, EACH).await;
    let lost = 2 * EACH - count;
    println!("{lost} of {} updates lost", 2 * EACH);
    assert!(
        lost > 0,
        "two threads interleaving load and store lose some updates"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_two_threads_a_std_mutex_over_the_update_loses_none() {
    assert_eq!(lost_update::on_threads_locked(2, EACH).await, 2 * EACH);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_std_mutex_not_held_across_await_counts_every_hit_from_many_tasks() {
    let hits = locks::count_hits(6, 50).await;
    assert_eq!(hits.values().sum::<u64>(), 300);
    assert_eq!(hits.len(), 3);
    assert!(hits.values().all(|&n| n == 100), "{hits:?}");
}

#[tokio::test(start_paused = true)]
async fn a_tokio_mutex_keeps_each_exchange_whole() {
    let start = Instant::now();
    let wire = locks::exchanges(3, SLOW).await;
    assert_eq!(start.elapsed(), SLOW * 3);
    for pair in wire.chunks(2) {
        let task = pair[0].strip_prefix("request ").expect("a request first");
        assert_eq!(
            pair[1],
            format!("reply {task}"),
            "no other request in between: {wire:?}"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn an_event_releases_its_waiters_when_set_and_stays_set() {
    let released = signals::event(3, Duration::from_secs(1)).await;
    let second = Duration::from_secs(1);
    assert_eq!(released, [second, second, second, second * 2]);
}

#[tokio::test(start_paused = true)]
async fn notify_waiters_is_missed_by_a_task_that_was_not_waiting_yet() {
    assert!(signals::late_waiter_misses_notify(Duration::from_secs(5)).await);
}

#[tokio::test(start_paused = true)]
async fn a_condition_releases_each_buyer_when_its_predicate_holds() {
    let released = signals::wait_for_stock(&[3, 1, 2], Duration::from_secs(1)).await;
    let at = Duration::from_secs;
    assert_eq!(released, [(1, at(1)), (2, at(2)), (3, at(3))]);
}

#[tokio::test(start_paused = true)]
async fn a_full_queue_makes_the_producer_wait_for_the_consumer() {
    let (put_at, got) = channels::bounded_queue(5, 2, Duration::from_secs(1)).await;
    let at = Duration::from_secs;
    // Two fit at once (plus one taken straight away by the consumer); then one per second.
    assert_eq!(put_at, [at(0), at(0), at(0), at(1), at(2)]);
    assert_eq!(got, [0, 1, 2, 3, 4], "nothing lost, in order");
}

#[tokio::test(start_paused = true)]
async fn watch_gives_a_slow_reader_the_newest_value_only() {
    let seen =
        channels::latest_value(10, Duration::from_secs(1), Duration::from_millis(3500)).await;
    assert!(seen.len() < 10, "a slow reader skips values: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "never an older value: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&10), "the last value always arrives");
}

#[tokio::test(start_paused = true)]
async fn broadcast_gives_everyone_everything_and_tells_a_laggard_what_it_missed() {
    let (prompt, late) = channels::broadcast(6, 4).await;
    assert_eq!(prompt, ["0", "1", "2", "3", "4", "5"]);
    assert_eq!(late, ["missed 2", "2", "3", "4", "5"]);
}

#[tokio::test(start_paused = true)]
async fn a_semaphore_lets_that_many_in_at_once() {
    let start = Instant::now();
    let most =
        ch07_tasks::shared_state::semaphore::limited_downloads(7, 3, Duration::from_secs(1)).await;
    assert_eq!(most, 3);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(3),
        "seven 1 s downloads, three at a time"
    );
}
