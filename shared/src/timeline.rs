//! Lines stamped with the time since a listing started: `[+2.00s] Hello`.
//!
//! The stamps make concurrency visible: three tasks that each sleep 2 s and finish at
//! `[+2.00s]` ran at the same time; finishing at 2, 4 and 6 s means they ran one after another.
//!
//! The clock is tokio's ([`tokio::time::Instant`]), not the operating system's. Outside a
//! runtime, or in a runtime whose clock runs normally, the two agree. In a runtime whose clock
//! is paused (tests, and the book's output check) tokio's clock only moves when every task is
//! waiting on a timer, and then jumps straight to the next deadline: a 2 s sleep takes no real
//! time and the stamp reads exactly `+2.00s`.

use std::fmt::Display;
use std::time::Duration;
use tokio::time::Instant;

/// The start of a listing; [`Timeline::say`] prints a line stamped with the time since then.
///
/// It is `Copy`, so every task of a listing can hold its own copy of the same start.
#[derive(Clone, Copy, Debug)]
pub struct Timeline {
    start: Instant,
}

impl Timeline {
    /// Start the clock now.
    pub fn start() -> Self {
        Timeline {
            start: Instant::now(),
        }
    }

    /// Time since [`Timeline::start`].
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Print `[+S.SSs] message` through the shared output sink.
    pub fn say(&self, message: impl Display) {
        crate::output::line(format_args!("{} {message}", stamp(self.elapsed())));
    }
}

/// `[+2.00s]`: seconds with two decimals, the resolution the listings reason in.
pub fn stamp(elapsed: Duration) -> String {
    format!("[+{:.2}s]", elapsed.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_has_two_decimals() {
        assert_eq!(stamp(Duration::from_millis(2000)), "[+2.00s]");
        assert_eq!(stamp(Duration::from_millis(125)), "[+0.12s]");
        assert_eq!(stamp(Duration::from_secs(61)), "[+61.00s]");
    }

    #[tokio::test(start_paused = true)]
    async fn under_a_paused_clock_the_stamps_are_exact() {
        let timeline = Timeline::start();
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(timeline.elapsed(), Duration::from_secs(2));
        let ((), text) = crate::output::capture(|| timeline.say("Hello"));
        assert_eq!(text, "[+2.00s] Hello\n");
    }
}
