//! Run with: cargo run -p ch05_futures --example timer_future [-- SECONDS]
//!
//! Chapter 5's timer future written by hand: `poll` says `Pending` and keeps the waker; a
//! thread sleeps, marks the timer done and wakes the task; the next `poll` says `Ready`.
//! Paste it into `cargo new timer_future` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros"] }
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

#[derive(Default)]
struct State {
    done: bool,
    waker: Option<Waker>,
}

struct TimerFuture {
    state: Arc<Mutex<State>>,
    polls: u32,
}

impl TimerFuture {
    fn new(after: Duration) -> Self {
        let state = Arc::new(Mutex::new(State::default()));
        let thread_state = Arc::clone(&state);
        std::thread::spawn(move || {
            std::thread::sleep(after);
            let mut state = thread_state.lock().unwrap();
            state.done = true;
            if let Some(waker) = state.waker.take() {
                waker.wake(); // "poll me again"
            }
        });
        TimerFuture { state, polls: 0 }
    }
}

impl Future for TimerFuture {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        let mut state = self.state.lock().unwrap();
        if state.done {
            Poll::Ready(self.polls)
        } else {
            state.waker = Some(cx.waker().clone()); // the newest waker is the one to wake
            Poll::Pending
        }
    }
}

/// The first argument as seconds, or `default`; anything else is a usage error (exit code 2).
fn seconds(default: f64) -> f64 {
    let Some(arg) = std::env::args().nth(1) else {
        return default;
    };
    match arg.parse::<f64>() {
        Ok(secs) if (0.0..=60.0).contains(&secs) => secs,
        _ => {
            eprintln!("expected seconds between 0 and 60, got {arg:?}");
            std::process::exit(2);
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let secs = seconds(1.0);
    println!("waiting {secs} s on a hand-written future");
    let polls = TimerFuture::new(Duration::from_secs_f64(secs)).await;
    println!("ready after {polls} polls");
}
