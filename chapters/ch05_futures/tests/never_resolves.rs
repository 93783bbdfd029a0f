//! Article example 1: a future nobody sets hangs, so bound it with a timeout.

use ch05_futures::never_resolves::{await_forgotten_sender, await_pending};
use shared::Timeline;
use std::time::Duration;
use tokio::time::Instant;

#[tokio::test(start_paused = true)]
async fn a_future_that_never_resolves_is_given_up_on_after_exactly_2_s() {
    let start = Instant::now();
    assert!(await_pending(Timeline::start()).await.is_err());
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn a_sender_kept_alive_but_unused_hangs_too_until_the_timeout() {
    let start = Instant::now();
    assert!(await_forgotten_sender(Timeline::start()).await.is_err());
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}
