//! The per-host rate limit (`--rate-per-host N`): at most one request every 1/N seconds to each
//! host, retries and robots.txt included.
//!
//! `--per-host` bounds how many requests to one host are in flight at once, but a fast server
//! still gets them back to back. A rate limit spaces them out in time, which is what a polite
//! crawler owes a site (scrapy's `DOWNLOAD_DELAY`). The bookkeeping is governor's keyed limiter
//! (the GCRA algorithm, one state per host in a map). The waiting is tokio's: governor's own
//! clocks and its `until_key_ready` futures (futures-timer) run on the real clock, which
//! `tokio::time::pause` does not stop, so [`TokioClock`] reads `tokio::time::Instant` and
//! [`HostRate::until_ready`] sleeps with `tokio::time::sleep`. On a paused clock the spacing is
//! then exact, and the tests check it exactly.

use crate::crawl::host_key;
use governor::clock::Clock;
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::HashMapStateStore;
use governor::{Quota, RateLimiter};
use std::time::Duration;
use url::Url;

/// The fastest rate `--rate-per-host` accepts (one request every 100 µs).
pub const MAX_RATE: f64 = 10_000.0;

/// governor's time source, read from tokio's clock (which tests can pause). An instant is the
/// time since the clock was made: governor already knows how to add and compare `Duration`s.
#[derive(Debug, Clone, Copy)]
pub struct TokioClock {
    start: tokio::time::Instant,
}

impl Default for TokioClock {
    fn default() -> Self {
        TokioClock {
            start: tokio::time::Instant::now(),
        }
    }
}

impl Clock for TokioClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        self.start.elapsed()
    }
}

/// One request every `1 / rate` seconds to each host (`host:port`), no bursts.
#[derive(Debug)]
pub struct HostRate {
    limiter: RateLimiter<String, HashMapStateStore<String>, TokioClock, NoOpMiddleware<Duration>>,
}

impl HostRate {
    /// A limit of `per_second` requests per second to each host, or why not.
    pub fn new(per_second: f64) -> Result<HostRate, String> {
        if !(per_second.is_finite() && per_second > 0.0 && per_second <= MAX_RATE) {
            return Err(format!(
                "a rate must be more than 0 and at most {MAX_RATE} requests per second"
            ));
        }
        // ANCHOR: quota
        let quota = Quota::with_period(Duration::from_secs_f64(1.0 / per_second))
            .ok_or("the rate is too high")?;
        let limiter = RateLimiter::new(quota, HashMapStateStore::default(), TokioClock::default());
        // ANCHOR_END: quota
        Ok(HostRate { limiter })
    }

    /// Wait until the next request to `url`'s host is allowed, and count it as sent.
    // ANCHOR: until_ready
    pub async fn until_ready(&self, url: &Url) {
        let host = host_key(url);
        while let Err(not_until) = self.limiter.check_key(&host) {
            let wait = not_until.wait_time_from(self.limiter.clock().now());
            tokio::time::sleep(wait).await;
        }
    }
    // ANCHOR_END: until_ready
}

/// `--rate-per-host`'s parser: a positive number of requests per second (`0.5`: one every 2 s).
pub fn parse_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    HostRate::new(rate).map(|_| rate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::time::Instant;

    /// When each of `urls` got its turn, in seconds from the start, on tokio's paused clock.
    async fn turns(rate: &HostRate, urls: &[&str]) -> Vec<f64> {
        let start = Instant::now();
        let mut at = Vec::new();
        for url in urls {
            rate.until_ready(&Url::parse(url).unwrap()).await;
            at.push(start.elapsed().as_secs_f64());
        }
        at
    }

    #[tokio::test(start_paused = true)]
    async fn requests_to_one_host_are_spaced_by_one_over_the_rate() {
        let rate = HostRate::new(4.0).unwrap();
        let urls = ["http://a.test/1", "http://a.test/2", "http://a.test/3"];
        assert_eq!(turns(&rate, &urls).await, [0.0, 0.25, 0.5]);
    }

    #[tokio::test(start_paused = true)]
    async fn each_host_has_its_own_limit() {
        let rate = HostRate::new(2.0).unwrap();
        // Two hosts, two ports of one host: three separate limits, so the first request to
        // each goes at once, and only the fourth (to a.test again) waits.
        let urls = [
            "http://a.test/1",
            "http://b.test/1",
            "http://a.test:8080/1",
            "http://a.test/2",
        ];
        assert_eq!(turns(&rate, &urls).await, [0.0, 0.0, 0.0, 0.5]);
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_waiters_take_turns() {
        let rate = std::sync::Arc::new(HostRate::new(10.0).unwrap());
        let start = Instant::now();
        let mut waiters = tokio::task::JoinSet::new();
        for _ in 0..5 {
            let rate = std::sync::Arc::clone(&rate);
            waiters.spawn(async move {
                rate.until_ready(&Url::parse("http://a.test/").unwrap())
                    .await;
                start.elapsed()
            });
        }
        let mut at: Vec<u128> = waiters
            .join_all()
            .await
            .into_iter()
            .map(|d| d.as_millis())
            .collect();
        at.sort_unstable();
        assert_eq!(at, [0, 100, 200, 300, 400]);
    }

    #[test]
    fn a_rate_must_be_a_positive_number() {
        assert_eq!(parse_rate("0.5"), Ok(0.5));
        for bad in ["0", "-1", "NaN", "inf", "fast", "1e9"] {
            assert!(parse_rate(bad).is_err(), "{bad}");
        }
    }
}
