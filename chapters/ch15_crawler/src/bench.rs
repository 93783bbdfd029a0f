//! Benchmark rows for `just bench`: the crawler beside the Python crawler on aiohttp
//! (`python/bench_crawl.py`), both fetching from the fixture site and streaming every body to
//! a temporary file that is then renamed.
//!
//! The site runs on its own thread and runtime; the Python client runs in its own process.

use crate::crawl::{self, Config};
use crate::site::Site;
use shared::bench::{BenchError, Measurement, Row, Unit, Variant, python};
use std::time::{Duration, Instant};

/// Every row of chapter 15.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch15/crawl_200x100ms",
            figure: "200 URLs × 100 ms, 20 at a time: wall time",
            unit: Unit::Seconds,
            bound: Some(1.0),
            goal: Some("≤ 1.03 s"),
            variants: vec![
                Variant::new("Rust", |scale| rust(scale.pick(200, 40), 20, 100, false)),
                Variant::new("aiohttp", |scale| {
                    aiohttp(scale.pick(200, 40), 20, 100, false)
                }),
            ],
        },
        Row {
            id: "ch15/crawl_small_pages",
            figure: "10k small pages, 256 at a time: pages/s",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("≥ 5× aiohttp"),
            variants: vec![
                Variant::new("Rust", |scale| rust(scale.pick(10_000, 500), 256, 0, true)),
                Variant::new("aiohttp", |scale| {
                    aiohttp(scale.pick(10_000, 500), 256, 0, true)
                }),
            ],
        },
    ]
}

fn urls(site: &Site, count: usize, delay_ms: u64) -> Vec<String> {
    (0..count)
        .map(|i| site.url(&format!("/bytes/1024?delay_ms={delay_ms}&n={i}")))
        .collect()
}

/// Crawl `count` URLs, `concurrency` at a time: the wall time, or with `rate` pages/s.
fn rust(count: usize, concurrency: u32, delay_ms: u64, rate: bool) -> Measurement {
    let site = Site::start();
    let out = tempfile::tempdir().map_err(|e| BenchError(e.to_string()))?;
    let args = crate::cli::CrawlArgs {
        urls: urls(&site, count, delay_ms),
        from: None,
        out: out.path().to_path_buf(),
        concurrency,
        per_host: concurrency,
        rate_per_host: None,
        timeout: 30,
        retries: 0,
        depth: 0,
        same_host: false,
        resume: false,
        robots: false,
        max_bytes: None,
        ca_cert: None,
        report: None,
        frontier: None,
        grace: 2,
    };
    let config: Config = args.config().map_err(BenchError)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| BenchError(e.to_string()))?;
    let quiet = |_: crawl::Event<'_>| {};
    let start = Instant::now();
    let result = runtime
        .block_on(crawl::crawl(config, futures::stream::pending(), &quiet))
        .map_err(|e| BenchError(e.to_string()))?;
    let elapsed = start.elapsed();
    let saved = result
        .entries
        .iter()
        .filter(|e| e.outcome == crate::report::Outcome::Saved)
        .count();
    if saved != count {
        return Err(BenchError(format!("only {saved} of {count} pages saved")));
    }
    Ok(figure(count, elapsed, rate))
}

fn aiohttp(count: usize, concurrency: u32, delay_ms: u64, rate: bool) -> Measurement {
    let site = Site::start();
    let base = site.url("");
    let (count, concurrency, delay) = (
        count.to_string(),
        concurrency.to_string(),
        delay_ms.to_string(),
    );
    let mut args = vec![
        base.as_str(),
        count.as_str(),
        concurrency.as_str(),
        delay.as_str(),
    ];
    if rate {
        args.push("--rate");
    }
    python("chapters/ch15_crawler/python/bench_crawl.py", &args, &[])
}

fn figure(count: usize, elapsed: Duration, rate: bool) -> f64 {
    if rate {
        count as f64 / elapsed.as_secs_f64()
    } else {
        elapsed.as_secs_f64()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_runs_at_quick_scale() {
        for row in super::rows() {
            let rust = &row.variants[0];
            assert!(
                (rust.run)(shared::bench::Scale::Quick).is_ok(),
                "{}",
                row.id
            );
        }
    }
}
