//! This chapter's rows of `just bench`: the crawl of 200 pages of 100 ms, 20 at a time and all
//! at once, with tokio + reqwest beside aiohttp and a pool of 20 threads (`requests`), against
//! a fixture server in its own process so that the client's CPU time is the client's alone.
//! And the picture of the five strategies' requests over time ([`timeline`]).

use crate::crawl::get_page_async;
use crate::report::{PAGE_BYTES, verify};
use crate::strategies::Strategy;
use futures::StreamExt;
use shared::FixtureServer;
use shared::bench::{
    BenchError, Lane, Measurement, Row, Scale, ServerProcess, Unit, Variant, process_cpu_time,
    python,
};
use std::time::{Duration, Instant};

const SCRIPT: &str = "chapters/ch01_blocking/python/bench_crawl.py";
const LATENCY: Duration = Duration::from_millis(100);
/// At most this many requests in flight, for the bounded rows.
const LIMIT: usize = 20;

fn pages(scale: Scale) -> usize {
    scale.pick(200, 20)
}

/// What one crawl cost the client: wall time and this process's CPU time.
struct Cost {
    wall: f64,
    cpu: f64,
}

/// Crawl with tokio (one thread) and reqwest, `limit` at a time (`None`: all at once).
fn tokio_crawl(scale: Scale, limit: Option<usize>) -> Result<Cost, BenchError> {
    let server = ServerProcess::start(LATENCY, PAGE_BYTES)?;
    let urls: Vec<String> = (0..pages(scale))
        .map(|i| server.url(&format!("/page/{i}")))
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| BenchError(format!("cannot build a runtime: {e}")))?;
    let (wall, cpu) = (Instant::now(), process_cpu_time());
    let fetched = runtime.block_on(async {
        let client = reqwest::Client::new();
        let requests = futures::stream::iter(&urls).map(|url| get_page_async(&client, url));
        let mut pages: Vec<_> = requests
            .buffer_unordered(limit.unwrap_or(urls.len()))
            .collect()
            .await;
        pages.sort_by(|a, b| match (a, b) {
            (Ok(a), Ok(b)) => index_of(&a.url).cmp(&index_of(&b.url)),
            _ => std::cmp::Ordering::Equal,
        });
        pages.into_iter().collect::<Result<Vec<_>, _>>()
    });
    let cost = Cost {
        wall: wall.elapsed().as_secs_f64(),
        cpu: (process_cpu_time() - cpu).as_secs_f64(),
    };
    let fetched = fetched.map_err(|e| BenchError(e.to_string()))?;
    verify(&urls, &fetched, PAGE_BYTES).map_err(|e| BenchError(e.to_string()))?;
    Ok(cost)
}

/// `…/page/17` → 17, to put the pages back in URL order.
fn index_of(url: &str) -> usize {
    url.rsplit('/')
        .next()
        .and_then(|i| i.parse().ok())
        .unwrap_or(usize::MAX)
}

fn python_crawl(mode: &'static str, limit: Option<usize>, what: &'static str) -> Variant {
    let label = match mode {
        "threads" => "20 threads (requests)",
        _ => "aiohttp",
    };
    Variant::new(label, move |scale| {
        let server = ServerProcess::start(LATENCY, PAGE_BYTES)?;
        let limit = limit.unwrap_or(0).to_string();
        python(
            SCRIPT,
            &[
                mode,
                &server.url(""),
                &pages(scale).to_string(),
                &limit,
                what,
            ],
            &[],
        )
    })
}

fn tokio_variant(limit: Option<usize>, cpu: bool) -> Variant {
    Variant::new("tokio + reqwest", move |scale| -> Measurement {
        let cost = tokio_crawl(scale, limit)?;
        Ok(if cpu { cost.cpu } else { cost.wall })
    })
}

/// The chapter's rows.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch01/crawl_20_wall",
            figure: "crawl 200 URLs × 100 ms, 20 at a time: wall",
            unit: Unit::Seconds,
            bound: Some(1.0),
            goal: Some("≤ 1.03 s"),
            variants: vec![
                tokio_variant(Some(LIMIT), false),
                python_crawl("aiohttp", Some(LIMIT), "wall"),
                python_crawl("threads", Some(LIMIT), "wall"),
            ],
        },
        Row {
            id: "ch01/crawl_20_cpu",
            figure: "crawl 200 URLs × 100 ms, 20 at a time: client CPU",
            unit: Unit::CpuSeconds,
            bound: None,
            goal: Some("≤ ¼ of aiohttp's"),
            variants: vec![
                tokio_variant(Some(LIMIT), true),
                python_crawl("aiohttp", Some(LIMIT), "cpu"),
                python_crawl("threads", Some(LIMIT), "cpu"),
            ],
        },
        Row {
            id: "ch01/crawl_all_wall",
            figure: "crawl 200 URLs × 100 ms, all at once: wall",
            unit: Unit::Seconds,
            bound: Some(0.1),
            goal: Some("≤ 0.15 s"),
            variants: vec![
                tokio_variant(None, false),
                python_crawl("aiohttp", None, "wall"),
            ],
        },
    ]
}

/// URLs and latency of the timeline picture: few enough to see each request.
const TIMELINE_URLS: usize = 10;
const TIMELINE_POOL: usize = 4;

/// Each of the five strategies crawls the same 10 URLs of 100 ms; the server notes when each
/// request arrived and when its answer was ready. One lane per strategy.
///
/// The process-per-URL strategy starts this executable again as its workers: the program
/// calling this must dispatch them first (`ch01_blocking::tour().run_worker_if_asked()`).
pub fn timeline() -> Result<Vec<Lane>, BenchError> {
    let server = FixtureServer::builder()
        .latency(LATENCY)
        .size(PAGE_BYTES)
        .start();
    let urls: Vec<String> = (0..TIMELINE_URLS)
        .map(|i| server.url(&format!("/page/{i}")))
        .collect();
    Strategy::all(TIMELINE_POOL)
        .into_iter()
        .map(|strategy| {
            server.reset();
            let start = Instant::now();
            strategy
                .crawl(&urls)
                .map_err(|e| BenchError(format!("{strategy}: {e}")))?;
            let mut spans: Vec<(f64, f64)> = server
                .request_spans()
                .into_iter()
                .map(|(a, b)| {
                    let since = |t: Instant| t.saturating_duration_since(start).as_secs_f64();
                    (since(a), since(b))
                })
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            Ok(Lane {
                label: strategy.to_string(),
                spans,
            })
        })
        .collect()
}
