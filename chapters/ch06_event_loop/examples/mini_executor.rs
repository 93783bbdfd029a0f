//! Run with: cargo run -p ch06_event_loop --example mini_executor
//!
//! Chapter 6's event loop in one file with only the standard library: a queue of ready tasks,
//! wakers that put a task back on the queue, and a loop that runs until every task is done.
//! Two tasks that give way to each other at every step interleave: a1 b1 a2 b2 a3 b3.
//! Paste it into `cargo new mini_executor`; it needs no dependencies.

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

type BoxedTask = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A task: its future, and the queue to go back to when woken.
struct Task {
    future: Mutex<Option<BoxedTask>>,
    ready: Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = self.ready.clone();
        let _ = queue.send(self); // the loop may be gone already: then nothing is left to run
    }
}

/// `asyncio.sleep(0)`: `Pending` once, after asking to be polled again.
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn worker(name: &'static str) {
    for step in 1..=3 {
        println!("{name}{step}");
        YieldNow(false).await;
    }
}

fn main() {
    let (ready, queue) = channel::<Arc<Task>>();
    for name in ["a", "b"] {
        let task = Task {
            future: Mutex::new(Some(Box::pin(worker(name)))),
            ready: ready.clone(),
        };
        ready.send(Arc::new(task)).expect("the queue is right here");
    }
    drop(ready); // only tasks hold senders now: the loop ends when the last task is done
    while let Ok(task) = queue.recv() {
        let mut slot = task.future.lock().unwrap();
        if let Some(mut future) = slot.take() {
            let waker = Waker::from(Arc::clone(&task));
            if future
                .as_mut()
                .poll(&mut Context::from_waker(&waker))
                .is_pending()
            {
                *slot = Some(future); // not done: keep it until its waker requeues it
            }
        }
    }
    println!("every task is done");
}
