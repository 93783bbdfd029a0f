//! Benchmark rows for `just bench`: the redis crate beside `redis.asyncio` and beside
//! `redis-benchmark`'s ceiling, all against the same server.
//!
//! Every figure is commands per second. The sequential row is bound by round trips (each
//! command waits for the previous reply), so it measures latency, not the client: Rust and
//! Python both spend most of it waiting for the kernel and the server. The pipelined and
//! multiplexed rows keep the connection full, and then the client's own cost per command
//! shows.

use redis::{AsyncTypedCommands, RedisResult};
use shared::bench::{BenchError, Measurement, Row, Unit, Variant};
use shared::services::redis::RedisServer;
use std::process::Command;
use std::time::Instant;

use crate::connect::{Keys, connect};

/// The chapter's rows.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch12/sequential",
            figure: "10k SET+GET one by one (commands/s)",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("≥ 1.7× redis.asyncio"),
            variants: vec![
                Variant::new("Rust", |scale| rust(scale.pick(10_000, 200), sequential)),
                Variant::new("redis.asyncio", |scale| {
                    python("bench_sequential.py", scale.pick(10_000, 200))
                }),
                Variant::new("redis-benchmark", |scale| {
                    ceiling(
                        &["-t", "set,get", "-c", "1", "-P", "1"],
                        scale.pick(10_000, 200),
                    )
                }),
            ],
        },
        Row {
            id: "ch12/pipelined",
            figure: "100k SET in one pipeline (commands/s)",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("≥ 17× redis.asyncio"),
            variants: vec![
                Variant::new("Rust", |scale| rust(scale.pick(100_000, 1_000), pipelined)),
                Variant::new("redis.asyncio", |scale| {
                    python("bench_pipelined.py", scale.pick(100_000, 1_000))
                }),
                Variant::new("redis-benchmark", |scale| {
                    ceiling(
                        &["-t", "set", "-c", "1", "-P", "1000"],
                        // redis-benchmark reports `inf` for a run shorter than its clock's tick:
                        // even a quick run gives it enough requests to time.
                        scale.pick(100_000, 50_000),
                    )
                }),
            ],
        },
        Row {
            id: "ch12/multiplexed",
            figure: "100 tasks × 1000 GET, one connection (commands/s)",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("≥ 41× redis.asyncio"),
            variants: vec![
                Variant::new("Rust", |scale| rust(scale.pick(1_000, 10), multiplexed)),
                Variant::new("redis.asyncio", |scale| {
                    python("bench_multiplexed.py", scale.pick(1_000, 10))
                }),
                // One connection with 100 requests in flight: the shape of 100 tasks sharing one
                // multiplexed connection.
                Variant::new("redis-benchmark", |scale| {
                    ceiling(
                        &["-t", "get", "-c", "1", "-P", "100"],
                        scale.pick(100_000, 50_000),
                    )
                }),
            ],
        },
    ]
}

/// Run `workload` once on a fresh runtime against the shared server: commands per second.
fn rust<F: Future<Output = RedisResult<usize>>>(
    n: usize,
    workload: impl FnOnce(String, Keys, usize) -> F,
) -> Measurement {
    let server = RedisServer::shared().map_err(|e| BenchError(e.to_string()))?;
    let keys = Keys::new();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| BenchError(e.to_string()))?;
    runtime.block_on(async {
        let start = Instant::now();
        let commands = workload(server.url().to_owned(), keys.clone(), n).await;
        let elapsed = start.elapsed().as_secs_f64();
        let commands = commands.map_err(|e| BenchError(format!("Redis: {e}")))?;
        if let Ok(mut con) = connect(server.url()).await {
            let _ = keys.clear(&mut con).await;
        }
        Ok(commands as f64 / elapsed)
    })
}

// ANCHOR: sequential
async fn sequential(url: String, keys: Keys, n: usize) -> RedisResult<usize> {
    let mut con = connect(&url).await?;
    let key = keys.key("bench");
    for i in 0..n {
        con.set(&key, i).await?;
        con.get(&key).await?;
    }
    Ok(2 * n)
}
// ANCHOR_END: sequential

async fn pipelined(url: String, keys: Keys, n: usize) -> RedisResult<usize> {
    let mut con = connect(&url).await?;
    let mut pipe = redis::pipe();
    for i in 0..n {
        pipe.set(keys.key(&format!("k{i}")), i).ignore();
    }
    pipe.exec_async(&mut con).await?;
    Ok(n)
}

async fn multiplexed(url: String, keys: Keys, per_task: usize) -> RedisResult<usize> {
    let con = connect(&url).await?;
    let key = keys.key("bench");
    con.clone().set(&key, "value").await?;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..100 {
        let (mut con, key) = (con.clone(), key.clone());
        tasks.spawn(async move {
            for _ in 0..per_task {
                con.get(&key).await?;
            }
            Ok::<(), redis::RedisError>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("a GET task does not panic")?;
    }
    Ok(100 * per_task)
}

/// The chapter's Python counterpart, against the same server.
fn python(script: &str, n: usize) -> Measurement {
    let server = RedisServer::shared().map_err(|e| BenchError(e.to_string()))?;
    let n = n.to_string();
    shared::bench::python(
        &format!("chapters/ch12_redis/python/{script}"),
        &[&n],
        &[("REDIS_URL", server.url())],
    )
}

/// `redis-benchmark`'s requests per second on the same server: the ceiling a client in C
/// reaches, averaged over the commands it ran.
fn ceiling(args: &[&str], n: usize) -> Measurement {
    let server = RedisServer::shared().map_err(|e| BenchError(e.to_string()))?;
    if !server.is_private() {
        return Err(BenchError(
            "redis-benchmark runs against the private server only".into(),
        ));
    }
    let port = server
        .url()
        .trim_start_matches("redis://127.0.0.1:")
        .trim_end_matches('/');
    let output = Command::new("redis-benchmark")
        .args(["-h", "127.0.0.1", "-p", port, "-n", &n.to_string(), "--csv"])
        .args(args)
        .output()
        .map_err(|e| BenchError(format!("cannot run redis-benchmark: {e}")))?;
    let text = String::from_utf8_lossy(&output.stdout);
    // --csv: a header line, then `"SET","123456.79",…` per command.
    let rates: Vec<f64> = text
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1)?.trim_matches('"').parse().ok())
        .collect();
    if rates.is_empty() {
        return Err(BenchError(format!(
            "redis-benchmark printed no rate: {text}"
        )));
    }
    Ok(rates.iter().sum::<f64>() / rates.len() as f64)
}
