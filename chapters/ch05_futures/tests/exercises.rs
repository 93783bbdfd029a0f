//! Chapter 5's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch05` (`--features attempt`).

use ch05_futures::exercises::{YieldNow, run_in_thread};
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

/// A waker that counts its wakes.
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn yield_now_is_pending_once_after_waking_itself_then_ready() {
    let counter = Arc::new(CountingWaker(AtomicUsize::new(0)));
    let waker = Waker::from(Arc::clone(&counter));
    let mut cx = Context::from_waker(&waker);
    let mut future = YieldNow::default();
    assert_eq!(Pin::new(&mut future).poll(&mut cx), Poll::Pending);
    assert_eq!(
        counter.0.load(Ordering::SeqCst),
        1,
        "it asked to be polled again"
    );
    assert_eq!(Pin::new(&mut future).poll(&mut cx), Poll::Ready(()));
    assert_eq!(counter.0.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn yield_now_lets_the_other_ready_task_run_first() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let (a_log, b_log) = (Arc::clone(&log), Arc::clone(&log));
    let a = tokio::spawn(async move {
        a_log.lock().unwrap().push("a: before");
        YieldNow::default().await;
        a_log.lock().unwrap().push("a: after");
    });
    let b = tokio::spawn(async move { b_log.lock().unwrap().push("b") });
    // A `Pending` without a wake would leave `a` asleep for ever: fail instead of hanging.
    tokio::time::timeout(Duration::from_secs(10), a)
        .await
        .expect("`a` was polled again after its Pending")
        .unwrap();
    b.await.unwrap();
    assert_eq!(*log.lock().unwrap(), ["a: before", "b", "a: after"]);
}

#[tokio::test]
async fn run_in_thread_returns_the_jobs_result() {
    assert_eq!(run_in_thread(|| 6 * 7).await, Some(42));
}

#[tokio::test]
async fn run_in_thread_leaves_the_runtime_free_while_the_job_runs() {
    // The job needs a ticket that only another task on this one-thread runtime sends.
    let (ticket, tickets) = mpsc::channel::<u32>();
    tokio::spawn(async move { ticket.send(21).unwrap() });
    let got =
        run_in_thread(move || tickets.recv_timeout(Duration::from_secs(30)).map(|t| t * 2)).await;
    assert_eq!(got, Some(Ok(42)));
}

#[tokio::test]
async fn run_in_thread_gives_none_when_the_job_panics() {
    assert_eq!(
        run_in_thread(|| -> u32 { panic!("the job fails") }).await,
        None
    );
}
