// `Pin::new` on the future of an `async fn`, to poll it by hand.
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::AtomicUsize;
use std::task::{Context, Waker};

fn main() {
    let seen = AtomicUsize::new(0);
    let mut future = ch05_futures::pinning::sum_later(&seen);
    let mut cx = Context::from_waker(Waker::noop());
    let _ = Pin::new(&mut future).poll(&mut cx);
}
