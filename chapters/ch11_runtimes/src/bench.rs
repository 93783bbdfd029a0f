//! This chapter's rows of `just bench`: the four workloads on tokio's current-thread runtime
//! (one thread, like asyncio's and uvloop's loops), beside the same workloads on asyncio and
//! uvloop (`python/bench_*.py`).

use crate::executors::Kind;
use crate::workloads::{Parked, PingPong, Sleepers, SpawnYield, thread_sleepers, timed};
use shared::bench::{BenchError, Measurement, Row, Scale, Unit, Variant, python};

const SPAWN: &str = "chapters/ch11_runtimes/python/bench_spawn.py";
const PING_PONG: &str = "chapters/ch11_runtimes/python/bench_pingpong.py";
const SLEEPERS: &str = "chapters/ch11_runtimes/python/bench_sleepers.py";
const PARKED: &str = "chapters/ch11_runtimes/python/bench_parked.py";

fn spawn_size(scale: Scale) -> usize {
    scale.pick(100_000, 1_000)
}
fn ping_pong_size(scale: Scale) -> usize {
    scale.pick(100_000, 1_000)
}
fn sleepers_size(scale: Scale) -> usize {
    scale.pick(10_000, 100)
}
fn sleep_seconds(scale: Scale) -> f64 {
    scale.pick(1.0, 0.05)
}

/// The Python variants `asyncio` and `uvloop` of `script`, given the size and more arguments.
fn python_loops(
    script: &'static str,
    size: fn(Scale) -> usize,
    more: &'static [&'static str],
) -> [Variant; 2] {
    let on = |event_loop: &'static str| {
        Variant::new(event_loop, move |scale| {
            let n = size(scale).to_string();
            let mut args = vec![event_loop, n.as_str()];
            args.extend_from_slice(more);
            python(script, &args, &[])
        })
    };
    [on("asyncio"), on("uvloop")]
}

/// The sleeper rows pass the sleep's length too, which differs by scale.
fn python_sleepers(mode: &'static str, what: &'static str) -> Variant {
    let label = if mode == "threads" {
        "Python threads"
    } else {
        mode
    };
    Variant::new(label, move |scale| {
        let n = sleepers_size(scale).to_string();
        let seconds = sleep_seconds(scale).to_string();
        python(SLEEPERS, &[mode, &n, &seconds, what], &[])
    })
}

fn check(ok: bool, what: &str) -> Result<(), BenchError> {
    ok.then_some(())
        .ok_or_else(|| BenchError(format!("wrong result: {what}")))
}

fn spawn_yield(scale: Scale) -> Measurement {
    let tasks = spawn_size(scale);
    let (sum, elapsed) = timed(Kind::TokioCurrentThread, SpawnYield { tasks });
    check(sum == tasks * (tasks - 1) / 2, "a task did not run")?;
    Ok(elapsed.as_secs_f64())
}

fn ping_pong(scale: Scale) -> Measurement {
    let rounds = ping_pong_size(scale);
    let (replies, elapsed) = timed(Kind::TokioCurrentThread, PingPong { rounds });
    check(replies.len() == rounds, "a round trip was lost")?;
    Ok(elapsed.as_secs_f64() * 1e9 / rounds as f64)
}

fn sleepers(scale: Scale) -> Sleepers {
    Sleepers {
        tasks: sleepers_size(scale),
        duration: std::time::Duration::from_secs_f64(sleep_seconds(scale)),
    }
}

fn sleeping_tasks(scale: Scale) -> Measurement {
    let workload = sleepers(scale);
    let (woke, elapsed) = timed(Kind::TokioCurrentThread, workload);
    check(woke == workload.tasks, "a sleeper did not wake")?;
    Ok(elapsed.as_secs_f64())
}

fn sleeping_threads(scale: Scale) -> Measurement {
    let workload = sleepers(scale);
    let start = std::time::Instant::now();
    let woke = thread_sleepers(workload.tasks, workload.duration)
        .map_err(|e| BenchError(format!("cannot start {} threads: {e}", workload.tasks)))?;
    check(woke == workload.tasks, "a thread did not finish")?;
    Ok(start.elapsed().as_secs_f64())
}

fn sleeping_tasks_memory(scale: Scale) -> Measurement {
    let workload = sleepers(scale);
    let counting = crate::memory::Counting::start().ok_or_else(not_counting)?;
    let (woke, _) = timed(Kind::TokioCurrentThread, workload);
    check(woke == workload.tasks, "a sleeper did not wake")?;
    Ok(counting.peak() as f64)
}

fn parked(scale: Scale) -> Measurement {
    let tasks = spawn_size(scale);
    let (report, _) = timed(Kind::TokioCurrentThread, Parked { tasks });
    check(report.woken == tasks, "a parked task did not wake")?;
    report.bytes_per_task.ok_or_else(not_counting)
}

fn not_counting() -> BenchError {
    BenchError("the program does not count allocations (install memory::CountingAllocator)".into())
}

/// The chapter's rows.
pub fn rows() -> Vec<Row> {
    let [spawn_asyncio, spawn_uvloop] = python_loops(SPAWN, spawn_size, &[]);
    let [pp_asyncio, pp_uvloop] = python_loops(PING_PONG, ping_pong_size, &[]);
    let [parked_asyncio, parked_uvloop] = python_loops(PARKED, spawn_size, &[]);
    vec![
        Row {
            id: "ch11/spawn_yield",
            figure: "100k tasks spawn + one yield",
            unit: Unit::Seconds,
            bound: None,
            goal: Some("≥ 25× uvloop"),
            variants: vec![
                Variant::new("tokio current-thread", spawn_yield),
                spawn_asyncio,
                spawn_uvloop,
            ],
        },
        Row {
            id: "ch11/parked_bytes",
            figure: "bytes per task parked on one notification (100k)",
            unit: Unit::Bytes,
            bound: None,
            goal: Some("≤ 400 B"),
            variants: vec![
                Variant::new("tokio current-thread", parked),
                parked_asyncio,
                parked_uvloop,
            ],
        },
        Row {
            id: "ch11/ping_pong",
            figure: "two-task ping-pong, per round trip (100k)",
            unit: Unit::NanosPerOp,
            bound: None,
            goal: Some("≥ 30× uvloop"),
            variants: vec![
                Variant::new("tokio current-thread", ping_pong),
                pp_asyncio,
                pp_uvloop,
            ],
        },
        Row {
            id: "ch11/sleepers_wall",
            figure: "10k sleepers of 1 s: wall time",
            unit: Unit::Seconds,
            bound: Some(1.0),
            goal: Some("tasks ≤ 1.02 s"),
            variants: vec![
                Variant::new("tokio current-thread", sleeping_tasks),
                Variant::new("Rust threads", sleeping_threads),
                python_sleepers("asyncio", "wall"),
                python_sleepers("uvloop", "wall"),
                python_sleepers("threads", "wall"),
            ],
        },
        Row {
            id: "ch11/sleepers_memory",
            figure: "10k sleepers of 1 s: peak heap",
            unit: Unit::Bytes,
            bound: None,
            goal: Some("tasks ≤ 5 MiB"),
            variants: vec![
                Variant::new("tokio current-thread", sleeping_tasks_memory),
                python_sleepers("asyncio", "memory"),
                python_sleepers("uvloop", "memory"),
            ],
        },
    ]
}
