//! Chapter 7's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch07` (`--features attempt`).

use ch07_tasks::exercises::{by_completion, first_completed, results_within};
use ch07_tasks::named_task::{NamedTask, spawn_named};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::time::{Instant, sleep};

async fn after(secs: u64) -> u64 {
    sleep(Duration::from_secs(secs)).await;
    secs
}

#[tokio::test(start_paused = true)]
async fn first_completed_returns_the_fastest_and_the_others_still_running() {
    let start = Instant::now();
    let tasks = vec![
        spawn_named("slow", after(3)),
        spawn_named("fast", after(1)),
        spawn_named("medium", after(2)),
    ];
    let (first, others) = first_completed(tasks).await.expect("three tasks");
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    assert_eq!((first.name.as_str(), first.result), ("fast", Ok(1)));
    assert!(others.iter().all(|task| !task.is_finished()));
    // They were not cancelled: awaiting them gives their results.
    for task in others {
        assert!(task.await.result.is_ok());
    }
    assert_eq!(start.elapsed(), Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn first_completed_keeps_the_others_in_order_whichever_wins() {
    let names = ["a", "b", "c", "d"];
    for winner in 0..names.len() {
        // The winner takes 1 s, the others 5 s.
        let tasks = names
            .iter()
            .enumerate()
            .map(|(i, name)| spawn_named(*name, after(if i == winner { 1 } else { 5 })))
            .collect();
        let (first, others) = first_completed(tasks).await.expect("four tasks");
        assert_eq!(first.name, names[winner]);
        let expected: Vec<&str> = names
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != winner)
            .map(|(_, name)| *name)
            .collect();
        let got: Vec<&str> = others.iter().map(NamedTask::name).collect();
        assert_eq!(
            got, expected,
            "the others in their original order when {} wins",
            names[winner]
        );
        for task in others {
            task.abort();
        }
    }
}

#[tokio::test(start_paused = true)]
async fn first_completed_of_no_tasks_is_none() {
    assert!(first_completed::<u64>(Vec::new()).await.is_none());
}

#[tokio::test(start_paused = true)]
async fn results_within_keeps_the_order_and_cancels_the_late_ones() {
    let finished_work = Arc::new(AtomicUsize::new(0));
    let job = |secs: u64| {
        let finished_work = Arc::clone(&finished_work);
        async move {
            sleep(Duration::from_secs(secs)).await;
            finished_work.fetch_add(1, Ordering::SeqCst);
            secs
        }
    };
    let start = Instant::now();
    let results =
        results_within(vec![job(2), job(5), job(1), job(9)], Duration::from_secs(3)).await;
    assert_eq!(results, [Some(2), None, Some(1), None]);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(3),
        "it waited out the timeout"
    );
    sleep(Duration::from_secs(60)).await;
    assert_eq!(
        finished_work.load(Ordering::SeqCst),
        2,
        "the two late tasks were cancelled and never finished their work"
    );
}

#[tokio::test(start_paused = true)]
async fn results_within_returns_as_soon_as_everything_is_done() {
    let start = Instant::now();
    let results = results_within(vec![after(1), after(2)], Duration::from_secs(60)).await;
    assert_eq!(results, [Some(1), Some(2)]);
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn results_within_runs_each_future_as_a_task_of_its_own() {
    // Awaited inside the caller (`join_all`, `select!`), a future runs in the caller's task;
    // spawned, it has an id of its own.
    let caller = tokio::task::try_id();
    let whose = || async { tokio::task::try_id() };
    let ids = results_within(vec![whose(), whose(), whose()], Duration::from_secs(1)).await;
    let ids: Vec<_> = ids.into_iter().map(|id| id.flatten()).collect();
    assert!(
        ids.iter().all(|id| id.is_some() && *id != caller),
        "each future ran in a task, not in the caller: {ids:?}"
    );
    let distinct: HashSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), 3, "three tasks, one per future: {ids:?}");
}

#[tokio::test(start_paused = true)]
async fn the_translated_after_sleeps_then_returns_its_seconds() {
    let start = Instant::now();
    assert_eq!(ch07_tasks::exercises::after(2).await, 2);
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn by_completion_gives_the_results_as_the_tasks_finish() {
    let start = Instant::now();
    assert_eq!(by_completion(vec![3, 1, 2]).await, [1, 2, 3]);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(3),
        "all at once: the longest, not 3 + 1 + 2"
    );
    assert_eq!(by_completion(Vec::new()).await, Vec::<u64>::new());
}
