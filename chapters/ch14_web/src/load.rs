//! The blocking-handler experiment: how slow does `GET /` get while other clients call a
//! blocking endpoint? Measured the same way against axum and FastAPI.
//!
//! `blockers` clients call the blocking endpoint back to back; meanwhile one client sends
//! `GET /` `probes` times, one after another, and times each. With two blockers and two
//! runtime workers (or one event loop), a blocking handler leaves `GET /` waiting for a worker;
//! with the blocking call moved off the workers, `GET /` does not notice.

use std::time::{Duration, Instant};

/// Latency percentiles of the probe requests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Latency {
    pub p50: Duration,
    pub p99: Duration,
}

/// The `p`-th percentile (0 < p ≤ 1) of `samples`, nearest-rank.
pub fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    assert!(!samples.is_empty(), "a percentile needs samples");
    samples.sort_unstable();
    let rank = (p * samples.len() as f64).ceil() as usize;
    samples[rank.clamp(1, samples.len()) - 1]
}

/// Time `probes` sequential `GET {base}/` while `blockers` clients call `{base}{blocking}`
/// back to back.
///
/// # Errors
/// A request fails.
pub fn latency_while_blocked(
    base: &str,
    blocking: &str,
    blockers: usize,
    probes: usize,
) -> Result<Latency, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let client = reqwest::Client::new();
        get(&client, format!("{base}/")).await?; // connect first: time requests, not the handshake
        let mut load = tokio::task::JoinSet::new();
        for _ in 0..blockers {
            let (client, url) = (client.clone(), format!("{base}{blocking}"));
            load.spawn(async move {
                loop {
                    get(&client, url.clone()).await?;
                }
            });
        }
        // Let every blocker get its first request in.
        tokio::time::sleep(Duration::from_millis(100)).await;
        let mut samples = Vec::with_capacity(probes);
        for _ in 0..probes {
            let started = Instant::now();
            get(&client, format!("{base}/")).await?;
            samples.push(started.elapsed());
        }
        load.abort_all();
        while let Some(ended) = load.join_next().await {
            if let Ok(Err::<(), String>(error)) = ended {
                return Err(error);
            }
        }
        Ok(Latency {
            p50: percentile(&mut samples, 0.50),
            p99: percentile(&mut samples, 0.99),
        })
    })
}

/// One GET; an error unless it answers 2xx.
async fn get(client: &reqwest::Client, url: String) -> Result<(), String> {
    let response = client.get(&url).send().await.map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!("{url}: {}", response.status()));
    }
    response.bytes().await.map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let mut samples: Vec<Duration> = (1..=100).rev().map(Duration::from_millis).collect();
        assert_eq!(percentile(&mut samples, 0.50), Duration::from_millis(50));
        assert_eq!(percentile(&mut samples, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&mut samples, 1.0), Duration::from_millis(100));
        let mut one = vec![Duration::from_millis(7)];
        assert_eq!(percentile(&mut one, 0.99), Duration::from_millis(7));
    }
}
