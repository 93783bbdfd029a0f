//! The chapter's claims about tasks, each checked under tokio's paused clock: who runs when,
//! what `wait` splits into done and pending, what a cancelled task never gets to do, and that
//! a panicking task hurts nobody else.

use ch07_tasks::named_task::{Failure, NamedTask, spawn_named};
use ch07_tasks::wait::wait;
use ch07_tasks::{
    as_completed, bare_futures, cancellation, create_task, gather, panics, select_race,
};
use shared::Timeline;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// Run `future` on a paused-clock runtime and return its output, what it printed (stamps
/// included) and how much virtual time it took.
fn run<F: Future>(future: impl FnOnce(Timeline) -> F) -> (F::Output, Vec<String>, Duration) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .unwrap();
    let ((output, elapsed), text) = shared::output::capture(|| {
        runtime.block_on(async {
            let timeline = Timeline::start();
            let output = future(timeline).await;
            (output, timeline.elapsed())
        })
    });
    (output, text.lines().map(str::to_owned).collect(), elapsed)
}

fn position(lines: &[String], line: &str) -> usize {
    lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in {lines:#?}"))
}

async fn after(secs: u64) -> u64 {
    sleep(Duration::from_secs(secs)).await;
    secs
}

#[test]
fn a_task_starts_without_being_awaited_and_a_future_does_not() {
    let (results, lines, elapsed) = run(create_task::future_versus_task);
    assert_eq!(results, (2, 2));
    assert_eq!(
        lines[0], "[+0.00s] task: 你好",
        "the task started while main slept"
    );
    assert!(
        lines.contains(&"[+1.00s] future: 你好".to_owned()),
        "the future only when awaited"
    );
    assert!(lines.contains(&"[+2.00s] task: Hello".to_owned()));
    assert_eq!(elapsed, Duration::from_secs(3));
}

#[tokio::test(start_paused = true)]
async fn a_named_task_gives_its_name_and_result() {
    let task = spawn_named("n0", after(2));
    assert_eq!(task.name(), "n0");
    assert!(!task.is_finished());
    let finished = task.await;
    assert_eq!(finished.to_string(), "n0 -> 2");
    assert_eq!(finished.result, Ok(2));
}

#[tokio::test(start_paused = true)]
async fn a_failed_task_says_why_under_its_name() {
    let literal = spawn_named("a", async { panic!("plain") });
    let formatted = spawn_named("b", async { panic!("formatted {}", 42) });
    let aborted: NamedTask<u64> = spawn_named("c", after(10));
    aborted.abort();
    assert_eq!(literal.await.to_string(), "a panicked: plain");
    assert_eq!(
        formatted.await.result,
        Err::<(), _>(Failure::Panicked("formatted 42".into()))
    );
    assert_eq!(aborted.await.to_string(), "c was cancelled");
}

#[tokio::test(start_paused = true)]
async fn wait_splits_done_and_pending_at_the_timeout() {
    let start = Instant::now();
    let tasks = [3, 1, 4, 2].map(|secs| spawn_named(format!("t{secs}"), after(secs)));
    let (done, pending) = wait(tasks, Some(Duration::from_millis(2500))).await;
    assert_eq!(
        start.elapsed(),
        Duration::from_millis(2500),
        "wait returned at the timeout"
    );
    let done: Vec<String> = done.iter().map(ToString::to_string).collect();
    assert_eq!(
        done,
        ["t1 -> 1", "t2 -> 2"],
        "done, in the order they finished"
    );
    let mut pending_names: Vec<&str> = pending.iter().map(NamedTask::name).collect();
    pending_names.sort();
    assert_eq!(pending_names, ["t3", "t4"]);
    assert!(
        pending.iter().all(|task| !task.is_finished()),
        "pending means still running"
    );
    // wait cancelled nothing: the pending tasks finish if we keep waiting.
    let (rest, none) = wait(pending, None).await;
    assert!(none.is_empty());
    assert_eq!(
        rest.iter().map(|f| f.result.clone()).collect::<Vec<_>>(),
        [Ok(3), Ok(4)]
    );
    assert_eq!(start.elapsed(), Duration::from_secs(4));
}

#[tokio::test(start_paused = true)]
async fn wait_without_a_timeout_returns_when_all_are_done() {
    let start = Instant::now();
    let (done, pending) = wait(
        [spawn_named("a", after(1)), spawn_named("b", after(2))],
        None,
    )
    .await;
    assert_eq!((done.len(), pending.len()), (2, 0));
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[test]
fn the_cancelled_pending_task_never_says_hello() {
    let (report, lines, elapsed) = run(ch07_tasks::wait::wait_with_timeout);
    assert_eq!(
        report,
        ["n0 -> 1", "n1 -> 2", "n3 was cancelled", "n2 -> 3"]
    );
    assert!(lines.contains(
        &"[+2.50s] main: done [\"n0 -> 1\", \"n1 -> 2\"], pending [\"n2\", \"n3\"]".to_owned()
    ));
    assert!(!lines.iter().any(|l| l.contains("n3: Hello")), "{lines:#?}");
    assert_eq!(elapsed, Duration::from_secs(3));
}

#[test]
fn join_all_and_join_set_both_run_the_futures_concurrently() {
    let (results, _, elapsed) = run(bare_futures::not_spawned);
    assert_eq!((results, elapsed), (vec![2, 2, 2], Duration::from_secs(2)));
    let (results, _, elapsed) = run(bare_futures::spawned);
    assert_eq!((results, elapsed), (vec![2, 2, 2], Duration::from_secs(2)));
}

/// `after(secs)` that also counts, in `finished`, every time it gets to the end.
fn counted(finished: &Arc<AtomicUsize>, secs: u64) -> impl Future<Output = u64> + Send + 'static {
    let finished = Arc::clone(finished);
    async move {
        let secs = after(secs).await;
        finished.fetch_add(1, Ordering::SeqCst);
        secs
    }
}

#[tokio::test(start_paused = true)]
async fn plain_futures_wait_for_join_all_but_tasks_run_unawaited() {
    let start = Instant::now();
    let finished = Arc::new(AtomicUsize::new(0));

    // join_all's futures do nothing until the join is awaited: 3 s pass, none has finished.
    let futures: Vec<_> = (0..3).map(|_| counted(&finished, 2)).collect();
    sleep(Duration::from_secs(3)).await;
    assert_eq!(finished.load(Ordering::SeqCst), 0);
    futures::future::join_all(futures).await;
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(5),
        "they started at 3 s"
    );

    // A JoinSet's tasks run while nobody awaits the set: after 3 s all three are done.
    let set: JoinSet<u64> = (0..3).map(|_| counted(&finished, 2)).collect();
    sleep(Duration::from_secs(3)).await;
    assert_eq!(finished.load(Ordering::SeqCst), 3 + 3);
    assert_eq!(set.join_all().await, [2, 2, 2]);
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(8),
        "nothing left to wait for"
    );
}

#[tokio::test(start_paused = true)]
async fn dropping_a_join_set_aborts_its_tasks_but_dropping_a_handle_does_not() {
    let finished = Arc::new(AtomicUsize::new(0));
    let set: JoinSet<u64> = (0..3).map(|_| counted(&finished, 2)).collect();
    let detached = tokio::spawn(counted(&finished, 2));
    sleep(Duration::from_secs(1)).await;
    drop(set);
    drop(detached);
    sleep(Duration::from_secs(60)).await;
    assert_eq!(
        finished.load(Ordering::SeqCst),
        1,
        "only the detached task got to the end"
    );
}

#[test]
fn try_join_returns_the_first_error_and_drops_the_other_future() {
    let (((a, b), first_error), lines, elapsed) = run(gather::gather);
    assert_eq!((a, b), (1, 2), "join! gives the results in argument order");
    assert_eq!(first_error, Err("c gave up".to_owned()));
    assert_eq!(
        elapsed,
        Duration::from_secs(3),
        "2 s of join!, then 1 s until c failed"
    );
    assert!(
        !lines.iter().any(|l| l.contains("d: Hello")),
        "d was dropped: {lines:#?}"
    );
}

#[test]
fn join_next_and_futures_unordered_give_completion_order() {
    let (order, _, elapsed) = run(as_completed::join_next);
    assert_eq!((order, elapsed), (vec![1, 2, 3], Duration::from_secs(3)));
    let (order, _, elapsed) = run(as_completed::futures_unordered);
    assert_eq!((order, elapsed), (vec![1, 2, 3], Duration::from_secs(3)));
}

#[test]
fn cancelled_code_stops_at_its_await_and_cleanup_still_runs() {
    let ((), lines, _) = run(cancellation::cancel);
    let said = |line: &str| lines.iter().any(|l| l.ends_with(line));
    // The timed-out future: one step, then dropped during the second sleep, cleaned up.
    assert!(
        said("[+1.50s] future: cleanup") && !said("future: step 2 done"),
        "{lines:#?}"
    );
    // The aborted task: same story, and its cleanup ran before `.await` on the handle returned.
    assert!(!said("task: step 2 done"));
    assert!(
        position(&lines, "[+3.00s] task: cleanup")
            < position(&lines, "[+3.00s] main: task was cancelled")
    );
    // The detached task ran to the end although its handle was dropped.
    assert!(said("[+6.00s] detached: step 3 done") && said("[+6.00s] detached: cleanup"));
}

#[test]
fn select_drops_the_loser_and_the_worker_stops_between_items() {
    let (winner, lines, elapsed) = run(select_race::race_timeout);
    assert_eq!((winner, elapsed), (None, Duration::from_secs(2)));
    assert!(!lines.iter().any(|l| l.contains("work: Hello")));
    let (handled, lines, elapsed) = run(select_race::graceful_shutdown);
    assert_eq!((handled, elapsed), (2, Duration::from_millis(2500)));
    assert_eq!(
        lines.last().unwrap(),
        "[+2.50s] worker: shutting down after 2 items"
    );
}

#[test]
fn a_panicking_task_fails_alone() {
    let (results, _, elapsed) = run(panics::one_task_panics);
    assert_eq!(
        results,
        [Ok(1), Err(Failure::Panicked("n1 hit a bug".into())), Ok(2)],
        "n0 and n2 finished although n1 panicked on the same thread"
    );
    assert_eq!(elapsed, Duration::from_secs(2));
}

/// The article's commented-out line: `create_task` with no loop running is
/// `RuntimeError: no running event loop`. Spawning outside a runtime is a panic.
#[test]
#[should_panic(
    expected = "there is no reactor running, must be called from the context of a Tokio 1.x runtime"
)]
fn spawning_outside_a_runtime_panics() {
    spawn_named("nowhere", after(1));
}
