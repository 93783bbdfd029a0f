use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::time::{Sleep, sleep};

// ANCHOR: solution
/// Exercise `sleep_twice`: `async fn sleep_twice(period)` written as a state machine.
#[derive(Debug)]
pub enum SleepTwice {
    /// Not polled yet.
    Start {
        /// How long each sleep lasts.
        period: Duration,
    },
    /// At the first `.await`; `period` is still needed for the second sleep.
    First {
        /// The first sleep.
        sleep: Pin<Box<Sleep>>,
        /// How long the second one lasts.
        period: Duration,
    },
    /// At the second `.await`.
    Second {
        /// The second sleep.
        sleep: Pin<Box<Sleep>>,
    },
    /// Returned.
    Done,
}

impl SleepTwice {
    /// Like calling `sleep_twice(period)`: nothing runs yet.
    pub fn new(period: Duration) -> Self {
        SleepTwice::Start { period }
    }
}

impl Future for SleepTwice {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut(); // `SleepTwice` is `Unpin`: its sleeps are boxed
        loop {
            match this {
                SleepTwice::Start { period } => {
                    let period = *period;
                    *this = SleepTwice::First {
                        sleep: Box::pin(sleep(period)),
                        period,
                    };
                }
                SleepTwice::First {
                    sleep: first,
                    period,
                } => {
                    ready!(first.as_mut().poll(cx));
                    // The second sleep starts now, when the first is over.
                    *this = SleepTwice::Second {
                        sleep: Box::pin(sleep(*period)),
                    };
                }
                SleepTwice::Second { sleep } => {
                    ready!(sleep.as_mut().poll(cx));
                    *this = SleepTwice::Done;
                    return Poll::Ready(());
                }
                SleepTwice::Done => panic!("`SleepTwice` polled after it returned"),
            }
        }
    }
}
// ANCHOR_END: solution
