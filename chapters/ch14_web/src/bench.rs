//! The chapter's rows for `just bench`: the service on axum against the same service on
//! FastAPI (uvicorn + uvloop + httptools, one worker, as the article runs it), both loaded by
//! wrk on this machine one after the other; the blocking-handler lesson; and a reliability run.
//!
//! Every server is on 127.0.0.1 and every run is bounded in time.

use crate::fastapi::FastApi;
use crate::load::latency_while_blocked;
use crate::server::Running;
use crate::state::Settings;
use crate::wrk::{self, Report};
use shared::bench::{BenchError, Measurement, Row, Scale, Unit, Variant};
use shared::services::redis::{RedisOptions, RedisServer};
use shared::services::unique_prefix;
use std::time::{Duration, Instant};

/// Connections wrk keeps open for the throughput rows.
const CONNECTIONS: u32 = 64;

/// Which figure of a wrk report a row shows.
#[derive(Debug, Clone, Copy)]
enum Figure {
    Rate,
    P50,
    P99,
}

impl Figure {
    fn of(self, report: &Report) -> f64 {
        match self {
            Figure::Rate => report.requests_per_sec,
            Figure::P50 => report.p50.as_secs_f64(),
            Figure::P99 => report.p99.as_secs_f64(),
        }
    }

    fn unit(self) -> Unit {
        match self {
            Figure::Rate => Unit::PerSecond,
            Figure::P50 | Figure::P99 => Unit::Seconds,
        }
    }
}

/// Every row of the chapter.
pub fn rows() -> Vec<Row> {
    vec![
        load_row(
            "ch14/hello_rps",
            "GET / at 64 connections: requests/s",
            "/",
            Figure::Rate,
            Some("≥ 20× FastAPI"),
        ),
        load_row(
            "ch14/hello_p50",
            "GET / at 64 connections: p50 latency",
            "/",
            Figure::P50,
            None,
        ),
        load_row(
            "ch14/hello_p99",
            "GET / at 64 connections: p99 latency",
            "/",
            Figure::P99,
            Some("≤ 5 ms"),
        ),
        load_row(
            "ch14/red_rps",
            "GET /red (no wait) at 64 connections: requests/s",
            "/red?wait_ms=0",
            Figure::Rate,
            Some("≥ 10× FastAPI + redis.asyncio"),
        ),
        load_row(
            "ch14/red_p50",
            "GET /red (no wait) at 64 connections: p50 latency",
            "/red?wait_ms=0",
            Figure::P50,
            None,
        ),
        load_row(
            "ch14/red_p99",
            "GET /red (no wait) at 64 connections: p99 latency",
            "/red?wait_ms=0",
            Figure::P99,
            None,
        ),
        blocking_row(),
        reliability_row(),
    ]
}

fn bench_error(error: impl std::fmt::Display) -> BenchError {
    BenchError(error.to_string())
}

fn redis_url() -> Result<String, BenchError> {
    Ok(RedisServer::shared()
        .map_err(bench_error)?
        .url()
        .to_string())
}

fn axum_service(redis_url: &str) -> Result<Running, BenchError> {
    let settings = Settings {
        key_prefix: unique_prefix("ch14"),
        ..Settings::default()
    };
    Running::start(redis_url, settings).map_err(bench_error)
}

fn fastapi_service(redis_url: &str) -> Result<FastApi, BenchError> {
    FastApi::start(redis_url, &unique_prefix("ch14py"), 0).map_err(bench_error)
}

/// Load `base + path` with wrk; a run with any failed request is no measurement.
fn load(base: &str, path: &str, scale: Scale) -> Result<Report, BenchError> {
    let duration = Duration::from_secs(scale.pick(10, 2));
    let report = wrk::run(&format!("{base}{path}"), CONNECTIONS, duration).map_err(bench_error)?;
    if report.errors() > 0 {
        return Err(BenchError(format!(
            "{} failed requests: {report:?}",
            report.errors()
        )));
    }
    Ok(report)
}

fn load_row(
    id: &'static str,
    figure_name: &'static str,
    path: &'static str,
    figure: Figure,
    goal: Option<&'static str>,
) -> Row {
    Row {
        id,
        figure: figure_name,
        unit: figure.unit(),
        bound: None,
        goal,
        variants: vec![
            Variant::new("axum", move |scale| -> Measurement {
                let service = axum_service(&redis_url()?)?;
                Ok(figure.of(&load(&service.url(), path, scale)?))
            }),
            Variant::new("FastAPI", move |scale| -> Measurement {
                let service = fastapi_service(&redis_url()?)?;
                Ok(figure.of(&load(&service.url(), path, scale)?))
            }),
        ],
    }
}

/// p99 of `GET /` while two clients call a handler that blocks for 20 ms.
fn blocking_row() -> Row {
    fn p99(base: &str, path: &str, scale: Scale) -> Measurement {
        let probes = scale.pick(1000, 100);
        let latency = latency_while_blocked(base, path, 2, probes).map_err(bench_error)?;
        Ok(latency.p99.as_secs_f64())
    }
    const BLOCKING: &str = "/blocking?ms=20";
    const OFFLOADED: &str = "/blocking/offloaded?ms=20";
    let no_redis = "redis://127.0.0.1:1/";
    Row {
        id: "ch14/blocking_p99",
        figure: "p99 of GET / while 2 clients call a handler blocking 20 ms",
        unit: Unit::Seconds,
        bound: None,
        goal: None,
        // The fix first, so the ratio column reads how many times longer `GET /` waits with
        // each of the others.
        variants: vec![
            Variant::new("axum, spawn_blocking", move |scale| {
                p99(&axum_service(no_redis)?.url(), OFFLOADED, scale)
            }),
            Variant::new("axum, blocking in the handler", move |scale| {
                p99(&axum_service(no_redis)?.url(), BLOCKING, scale)
            }),
            Variant::new("FastAPI, plain def", move |scale| {
                p99(&fastapi_service(no_redis)?.url(), OFFLOADED, scale)
            }),
            Variant::new("FastAPI, blocking in async def", move |scale| {
                p99(&fastapi_service(no_redis)?.url(), BLOCKING, scale)
            }),
        ],
    }
}

/// `GET /` at 256 connections (30 s; 4 s quick) while Redis is stopped a third of the way in
/// and restarted: `GET /` must never fail, and `GET /red` must answer 503 while Redis is down
/// and 200 again after. The figure is `GET /`'s requests/s; a failure is no measurement.
fn reliability_row() -> Row {
    Row {
        id: "ch14/reliability",
        figure: "GET / at 256 connections, Redis restarted meanwhile: requests/s, zero errors",
        unit: Unit::PerSecond,
        bound: None,
        goal: Some("zero errors; /red 503 then 200"),
        variants: vec![Variant::new("axum", reliability)],
    }
}

fn reliability(scale: Scale) -> Measurement {
    let redis = RedisServer::start_private(RedisOptions::default()).map_err(bench_error)?;
    let service = axum_service(redis.url())?;
    let duration = Duration::from_secs(scale.pick(30, 4));
    let url = format!("{}/", service.url());
    let load = std::thread::spawn(move || wrk::run(&url, 256, duration));
    let red = format!("{}/red?wait_ms=0", service.url());
    std::thread::sleep(duration / 3);
    redis.stop().map_err(bench_error)?;
    let down = wait_for_status(&red, 503, Duration::from_secs(5));
    redis.restart().map_err(bench_error)?;
    let up = wait_for_status(&red, 200, Duration::from_secs(10));
    let report = load
        .join()
        .map_err(|_| BenchError("the load thread panicked".into()))?
        .map_err(bench_error)?;
    down.map_err(|e| BenchError(format!("while Redis was down: {e}")))?;
    up.map_err(|e| BenchError(format!("after Redis came back: {e}")))?;
    if report.errors() > 0 {
        return Err(BenchError(format!(
            "GET / failed {} times: {report:?}",
            report.errors()
        )));
    }
    Ok(report.requests_per_sec)
}

/// Poll `url` until it answers `status`, for at most `limit`.
fn wait_for_status(url: &str, status: u16, limit: Duration) -> Result<(), String> {
    let runtime = shared::runtime::real_time();
    let client = reqwest::Client::new();
    let deadline = Instant::now() + limit;
    let mut last = String::new();
    while Instant::now() < deadline {
        match runtime.block_on(client.get(url).send()) {
            Ok(response) if response.status().as_u16() == status => return Ok(()),
            Ok(response) => last = response.status().to_string(),
            Err(error) => last = error.to_string(),
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("no {status} within {limit:?} (last: {last})"))
}
