//! Our `asyncio.Future`: many waiters all woken, a second set refused, a dropped setter cancels,
//! a dropped waiter leaves no waker behind.

use ch05_futures::settable_future::{Cancelled, InvalidStateError, SharedFuture, create_future};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

#[tokio::test(start_paused = true)]
async fn every_waiter_is_woken_with_the_result_when_it_is_set() {
    let (setter, fut) = create_future::<String>();
    let start = Instant::now();
    let waiters: Vec<_> = (0..5)
        .map(|_| {
            let fut = fut.clone();
            tokio::spawn(async move { (fut.await, start.elapsed()) })
        })
        .collect();
    sleep(Duration::from_secs(2)).await;
    setter.set_result("666".to_owned()).unwrap();
    for waiter in waiters {
        assert_eq!(
            waiter.await.unwrap(),
            (Ok("666".to_owned()), Duration::from_secs(2))
        );
    }
}

#[tokio::test(start_paused = true)]
async fn setting_twice_is_an_invalid_state_and_hands_the_value_back() {
    let (setter, fut) = create_future();
    assert_eq!(setter.set_result(1), Ok(()));
    let error = setter.set_result(2).unwrap_err();
    assert_eq!(error, InvalidStateError(2));
    assert_eq!(error.to_string(), "the future is already done");
    assert_eq!(fut.await, Ok(1), "the first result stays");
}

#[tokio::test(start_paused = true)]
async fn a_future_set_before_anyone_awaits_is_ready_at_once() {
    let (setter, fut) = create_future();
    setter.set_result("early").unwrap();
    drop(setter); // dropping after a result does not cancel
    let start = Instant::now();
    assert_eq!(fut.clone().await, Ok("early"));
    assert_eq!(fut.await, Ok("early"));
    assert_eq!(start.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn dropping_the_setter_cancels_every_waiter_instead_of_hanging() {
    let (setter, fut) = create_future::<u32>();
    let start = Instant::now();
    let waiters: Vec<_> = (0..3)
        .map(|_| {
            let fut = fut.clone();
            tokio::spawn(async move { (fut.await, start.elapsed()) })
        })
        .collect();
    tokio::spawn(async move {
        sleep(Duration::from_secs(1)).await;
        drop(setter);
    });
    for waiter in waiters {
        assert_eq!(
            waiter.await.unwrap(),
            (Err(Cancelled), Duration::from_secs(1))
        );
    }
    assert_eq!(
        fut.await,
        Err(Cancelled),
        "a late waiter sees the cancellation too"
    );
}

#[tokio::test(start_paused = true)]
async fn a_waiter_that_gives_up_does_not_disturb_the_others() {
    let (setter, fut) = create_future();
    // This waiter times out after 1 s and is dropped, taking its waker with it.
    assert!(timeout(Duration::from_secs(1), fut.clone()).await.is_err());
    let other = tokio::spawn(fut.clone());
    sleep(Duration::from_secs(1)).await;
    setter.set_result(7).unwrap();
    assert_eq!(other.await.unwrap(), Ok(7));
}

/// A waker that counts its wakes.
struct CountingWaker(AtomicUsize);

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn a_dropped_waiter_takes_its_waker_with_it() {
    let (setter, fut) = create_future();
    let (kept, dropped) = (
        Arc::new(CountingWaker(AtomicUsize::new(0))),
        Arc::new(CountingWaker(AtomicUsize::new(0))),
    );
    let mut kept_fut = fut.clone();
    let mut dropped_fut = fut.clone();
    let poll = |fut: &mut SharedFuture<u32>, waker: &Arc<CountingWaker>| {
        Pin::new(fut).poll(&mut Context::from_waker(&Waker::from(Arc::clone(waker))))
    };
    assert_eq!(poll(&mut kept_fut, &kept), Poll::Pending);
    assert_eq!(poll(&mut dropped_fut, &dropped), Poll::Pending);
    drop(dropped_fut); // a waiter that gives up: a timeout, an aborted task
    setter.set_result(7).unwrap();
    assert_eq!(
        kept.0.load(Ordering::SeqCst),
        1,
        "the remaining waiter is woken"
    );
    assert_eq!(
        dropped.0.load(Ordering::SeqCst),
        0,
        "the dropped one left no waker behind"
    );
    assert_eq!(poll(&mut kept_fut, &kept), Poll::Ready(Ok(7)));
}
