//! Chapter 11's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch11` (`--features attempt`).

use ch11_runtimes::exercises::{block_on, sleep_anywhere};
use futures::task::LocalSpawnExt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

/// Pending until another thread sets it (after a while) and wakes the waker; counts its polls.
struct SetLater {
    state: Arc<Mutex<(bool, Option<std::task::Waker>)>>,
    polls: usize,
}

impl Future for SetLater {
    type Output = usize;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        self.polls += 1;
        let mut state = self.state.lock().unwrap();
        if state.0 {
            Poll::Ready(self.polls)
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[test]
fn block_on_returns_a_ready_value() {
    assert_eq!(block_on(async { 6 * 7 }), 42);
}

#[test]
fn block_on_sleeps_until_woken_from_another_thread() {
    let state = Arc::new(Mutex::new((false, None::<std::task::Waker>)));
    let setter = Arc::clone(&state);
    let thread = std::thread::spawn(move || {
        // Long enough that a busy-polling loop would poll many times meanwhile.
        std::thread::sleep(Duration::from_millis(200));
        let mut state = setter.lock().unwrap();
        state.0 = true;
        if let Some(waker) = state.1.take() {
            waker.wake();
        }
    });
    let polls = block_on(SetLater { state, polls: 0 });
    thread.join().unwrap();
    assert!(
        polls <= 3,
        "polled {polls} times: the thread should sleep until the waker is called, not poll in a loop"
    );
    assert!(polls >= 2, "the first poll cannot have been ready");
}

#[test]
fn block_on_runs_a_future_that_awaits_a_channel_fed_by_a_thread() {
    let (tx, rx) = futures::channel::oneshot::channel();
    let thread = std::thread::spawn(move || tx.send("from the thread").unwrap());
    assert_eq!(block_on(rx), Ok("from the thread"));
    thread.join().unwrap();
}

/// A tokio runtime with a paused clock (its timers fire as soon as it has nothing else to do,
/// so a sleep takes no real time) on a thread of its own. It starts driving its tasks only when
/// `go` is sent, and stops when `stop` is.
fn paused_tokio() -> (
    tokio::runtime::Handle,
    std::sync::mpsc::Sender<()>,
    tokio::sync::oneshot::Sender<()>,
) {
    let (handle_tx, handle_rx) = std::sync::mpsc::channel();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap();
        handle_tx.send(runtime.handle().clone()).unwrap();
        let _ = go_rx.recv();
        let _ = runtime.block_on(stop_rx);
    });
    (handle_rx.recv().unwrap(), go_tx, stop_tx)
}

#[test]
fn sleep_anywhere_works_under_a_futures_executor_without_blocking_it() {
    let (handle, go, stop) = paused_tokio();
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut pool = futures::executor::LocalPool::new();
    let (sleeper_log, other_log) = (Arc::clone(&log), Arc::clone(&log));
    pool.spawner()
        .spawn_local(async move {
            // An answer that blocks the thread for these 2 s finishes first in the log.
            sleep_anywhere(handle, Duration::from_secs(2)).await;
            sleeper_log
                .lock()
                .unwrap()
                .push("slept 2 s of tokio's clock");
        })
        .unwrap();
    pool.spawner()
        .spawn_local(async move {
            other_log
                .lock()
                .unwrap()
                .push("the other task ran meanwhile");
            go.send(()).unwrap(); // only now does the tokio runtime start
        })
        .unwrap();
    pool.run();
    stop.send(()).unwrap();
    assert_eq!(
        *log.lock().unwrap(),
        ["the other task ran meanwhile", "slept 2 s of tokio's clock"],
        "the sleeping task must not block the executor's thread"
    );
}
