use std::time::Duration;

// ANCHOR: solution
/// Exercise `ideal_bound`: rounds of `workers` requests, one round after another.
pub fn ideal_bound(urls: usize, workers: usize, latency: Duration) -> Option<Duration> {
    if workers == 0 {
        return None;
    }
    let rounds = u32::try_from(urls.div_ceil(workers)).ok()?;
    latency.checked_mul(rounds)
}
// ANCHOR_END: solution
