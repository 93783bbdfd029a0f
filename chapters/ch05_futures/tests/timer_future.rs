//! The hand-written timer: lazy, `Pending` first, woken once by its thread, then `Ready`.

use ch05_futures::timer_future::TimerFuture;
use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

/// A waker that reports each wake on a channel.
struct ChannelWaker(Mutex<mpsc::Sender<()>>);

impl Wake for ChannelWaker {
    fn wake(self: Arc<Self>) {
        let _ = self.0.lock().unwrap().send(());
    }
}

#[test]
fn the_first_poll_is_pending_and_the_stored_waker_is_called_once() {
    let (woken, wakes) = mpsc::channel();
    let waker = Waker::from(Arc::new(ChannelWaker(Mutex::new(woken))));
    let mut cx = Context::from_waker(&waker);
    // Zero duration: even so, the first poll cannot be ready, since the clock starts there.
    let mut timer = TimerFuture::new(Duration::ZERO);
    assert_eq!(Pin::new(&mut timer).poll(&mut cx), Poll::Pending);
    wakes
        .recv_timeout(Duration::from_secs(10))
        .expect("the timer thread calls the waker it was given");
    assert_eq!(Pin::new(&mut timer).poll(&mut cx), Poll::Ready(()));
    drop(timer); // with the waker, every sender is gone, so `recv` sees the end
    drop(waker);
    assert!(wakes.recv().is_err(), "woken exactly once");
}

#[tokio::test]
async fn tokio_polls_it_exactly_twice() {
    let mut timer = TimerFuture::new(Duration::ZERO);
    let mut polls = 0;
    std::future::poll_fn(|cx| {
        polls += 1;
        Pin::new(&mut timer).poll(cx)
    })
    .await;
    assert_eq!(
        polls, 2,
        "once to start, once after the wake: no busy polling"
    );
}

#[test]
fn polled_again_with_another_waker_it_wakes_only_the_newest() {
    // The second poll must come before the timer fires. On a loaded machine the test thread
    // can be held back for a while between two lines, so a timer that fired first does not
    // count: try again with a timer twice as long, until the second poll was in time.
    let mut duration = Duration::from_millis(100);
    loop {
        let (old_woken, old_wakes) = mpsc::channel();
        let (new_woken, new_wakes) = mpsc::channel();
        let old = Waker::from(Arc::new(ChannelWaker(Mutex::new(old_woken))));
        let new = Waker::from(Arc::new(ChannelWaker(Mutex::new(new_woken))));
        let mut timer = TimerFuture::new(duration);
        let poll =
            |timer: &mut TimerFuture, waker| Pin::new(timer).poll(&mut Context::from_waker(waker));
        assert_eq!(poll(&mut timer, &old), Poll::Pending);
        if poll(&mut timer, &new).is_ready() {
            assert!(duration < Duration::from_secs(60), "never polled in time");
            duration *= 2;
            continue;
        }
        new_wakes
            .recv_timeout(Duration::from_secs(60))
            .expect("the waker of the latest poll is called");
        assert!(
            old_wakes.try_recv().is_err(),
            "the replaced waker is not called"
        );
        assert_eq!(poll(&mut timer, &new), Poll::Ready(()));
        return;
    }
}
