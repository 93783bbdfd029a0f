//! Benchmark rows for `just bench`: the crawler beside the Python crawler
//! (`python/bench_crawl.py`: aiohttp on asyncio and on uvloop, and a pool of threads with
//! requests), every one of them streaming each body to a temporary file that is then renamed;
//! and the shared frontier on Redis with one, two and three worker processes.
//!
//! The fixture site always runs in a process of its own (`ch15_crawler site`), so that the
//! CPU time measured for a client is the client's alone. It and the frontier's workers are
//! this executable started again as the crawler's command line ([`CLI_JOB`]): the program
//! that runs the rows must dispatch it first (`ch15_crawler::tour().run_worker_if_asked()`).

use crate::cli::{Cli, Command};
use crate::crawl::{self, Config};
use crate::report::Outcome;
use clap::Parser;
use shared::bench::{
    BenchError, Measurement, Row, Scale, ServerProcess, Unit, Variant, process_cpu_time, python,
    unavailable,
};
use shared::services::redis::RedisServer;
use shared::services::unique_name;
use shared::tour::worker_command;
use std::path::Path;
use std::process::{ExitCode, Stdio};
use std::time::Instant;

const SCRIPT: &str = "chapters/ch15_crawler/python/bench_crawl.py";

/// The worker job that runs the crawler's command line (`crawl …`, `site …`) from this
/// process's arguments: how the rows start the site and the frontier's workers.
pub const CLI_JOB: &str = "cli";

/// [`CLI_JOB`]: `ch15_crawler` with this process's arguments.
pub fn cli_job(_: &str) -> ExitCode {
    crate::cli::run(std::env::args_os().skip(1))
}

/// A crawl of `pages` URLs of the site, each answered after `delay_ms`, `concurrency` at a time.
#[derive(Debug, Clone, Copy)]
struct Workload {
    pages: usize,
    concurrency: u32,
    delay_ms: u64,
}

/// 200 URLs × 100 ms, 20 at a time: the article's kind of crawl, bound by waiting (≥ 1 s).
fn slow_pages(scale: Scale) -> Workload {
    Workload {
        pages: scale.pick(200, 40),
        concurrency: 20,
        delay_ms: 100,
    }
}

/// 10k pages answered at once, 256 at a time: bound by the client's own work per page.
fn small_pages(scale: Scale) -> Workload {
    Workload {
        pages: scale.pick(10_000, 500),
        concurrency: 256,
        delay_ms: 0,
    }
}

/// Every row of chapter 15.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch15/crawl_200x100ms",
            figure: "200 URLs × 100 ms, 20 at a time: wall time",
            unit: Unit::Seconds,
            bound: Some(1.0),
            goal: Some("≤ 1.03 s"),
            variants: crawl_variants(slow_pages, Figure::Wall, true),
        },
        Row {
            id: "ch15/crawl_200x100ms_cpu",
            figure: "200 URLs × 100 ms, 20 at a time: client CPU",
            unit: Unit::CpuSeconds,
            bound: None,
            goal: Some("≤ ¼ of aiohttp's"),
            variants: crawl_variants(slow_pages, Figure::Cpu, true),
        },
        Row {
            id: "ch15/crawl_small_pages",
            figure: "10k small pages, 256 at a time: pages/s",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("≥ 5× aiohttp"),
            variants: crawl_variants(small_pages, Figure::Rate, false),
        },
        Row {
            id: "ch15/frontier_workers",
            figure: "1000 URLs × 100 ms through the Redis frontier: URLs/s by worker processes",
            unit: Unit::PerSecond,
            bound: None,
            goal: Some("3 workers ≥ 2.7× one"),
            variants: [3, 2, 1]
                .into_iter()
                .map(|workers| {
                    let label = match workers {
                        1 => "1 worker",
                        2 => "2 workers",
                        _ => "3 workers",
                    };
                    Variant::new(label, move |scale| frontier(workers, scale))
                })
                .collect(),
        },
    ]
}

/// Which number of a crawl a row shows.
#[derive(Debug, Clone, Copy)]
enum Figure {
    /// Seconds from the first request to the last file renamed.
    Wall,
    /// The client's CPU seconds over the same span.
    Cpu,
    /// Pages per second.
    Rate,
}

impl Figure {
    fn of(self, pages: usize, wall: f64, cpu: f64) -> f64 {
        match self {
            Figure::Wall => wall,
            Figure::Cpu => cpu,
            Figure::Rate => pages as f64 / wall,
        }
    }

    fn python_name(self) -> &'static str {
        match self {
            Figure::Wall => "wall",
            Figure::Cpu => "cpu",
            Figure::Rate => "rate",
        }
    }
}

/// Rust, aiohttp on asyncio, then (with `all`) aiohttp on uvloop and a pool of threads.
fn crawl_variants(workload: fn(Scale) -> Workload, figure: Figure, all: bool) -> Vec<Variant> {
    let mut variants = vec![
        Variant::new("Rust", move |scale| rust(workload(scale), figure)),
        python_variant("aiohttp", "aiohttp", workload, figure),
    ];
    if all {
        variants.push(python_variant(
            "aiohttp + uvloop",
            "uvloop",
            workload,
            figure,
        ));
        variants.push(python_variant(
            "20 threads (requests)",
            "threads",
            workload,
            figure,
        ));
    }
    variants
}

/// The fixture site in a process of its own: this executable, as `ch15_crawler site`.
fn site() -> Result<ServerProcess, BenchError> {
    let mut command = worker_command(CLI_JOB, "")
        .map_err(|e| BenchError(format!("cannot start the fixture site: {e}")))?;
    command.args(["site", "--addr", "127.0.0.1:0"]);
    ServerProcess::spawn(command)
}

fn page_urls(site: &ServerProcess, workload: Workload, run: &str) -> Vec<String> {
    (0..workload.pages)
        .map(|i| {
            site.url(&format!(
                "/bytes/1024?delay_ms={}&n={i}{run}",
                workload.delay_ms
            ))
        })
        .collect()
}

/// The command line of a crawl of the URLs in `seeds` into `out`, as a user would type it.
fn crawl_args(seeds: &Path, out: &Path, concurrency: u32) -> Vec<String> {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    [
        "crawl",
        "--from",
        &path(seeds),
        "--out",
        &path(out),
        "--concurrency",
        &concurrency.to_string(),
        "--per-host",
        &concurrency.to_string(),
        "--retries",
        "0",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// A folder for one crawl's files, on a RAM file system when there is one (`/dev/shm`), for
/// the Rust and the Python crawls alike. On a disk, the figure is the disk's: on ext4 without a
/// journal (this project's machine), creating a file soon after thousands were deleted (the
/// previous run's) spends most of its time skipping recently freed inodes in the kernel
/// (`recently_deleted`), and which run pays depends on where its folder landed.
fn scratch() -> Result<tempfile::TempDir, BenchError> {
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    };
    dir.map_err(io_error)
}

fn io_error(error: std::io::Error) -> BenchError {
    BenchError(error.to_string())
}

/// The crawler's own crawl, in this process on the runtime the command line builds, timed
/// from its start to its end.
fn rust(workload: Workload, figure: Figure) -> Measurement {
    let site = site()?;
    let dir = scratch()?;
    let seeds = dir.path().join("seeds.txt");
    std::fs::write(&seeds, page_urls(&site, workload, "").join("\n")).map_err(io_error)?;
    let args = crawl_args(&seeds, &dir.path().join("out"), workload.concurrency);
    let config: Config =
        match Cli::try_parse_from(std::iter::once("ch15_crawler".into()).chain(args))
            .map_err(|e| BenchError(e.to_string()))?
            .command
        {
            Command::Crawl(args) => args.config().map_err(BenchError)?,
            Command::Site { .. } => unreachable!("the arguments start with `crawl`"),
        };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io_error)?;
    let quiet = |_: crawl::Event<'_>| {};
    let (wall, cpu) = (Instant::now(), process_cpu_time());
    let result = runtime.block_on(crawl::crawl(config, futures::stream::pending(), &quiet));
    let (wall, cpu) = (
        wall.elapsed().as_secs_f64(),
        (process_cpu_time() - cpu).as_secs_f64(),
    );
    let result = result.map_err(io_error)?;
    let saved = result
        .entries
        .iter()
        .filter(|e| e.outcome == Outcome::Saved)
        .count();
    if saved != workload.pages {
        return Err(BenchError(format!(
            "only {saved} of {} pages saved",
            workload.pages
        )));
    }
    Ok(figure.of(workload.pages, wall, cpu))
}

fn python_variant(
    label: &'static str,
    mode: &'static str,
    workload: fn(Scale) -> Workload,
    figure: Figure,
) -> Variant {
    Variant::new(label, move |scale| {
        let workload = workload(scale);
        let site = site()?;
        // Python's `tempfile` makes its output folder in TMPDIR.
        let dir = scratch()?;
        let tmpdir = dir.path().to_string_lossy();
        python(
            SCRIPT,
            &[
                mode,
                &site.url(""),
                &workload.pages.to_string(),
                &workload.concurrency.to_string(),
                &workload.delay_ms.to_string(),
                figure.python_name(),
            ],
            &[("TMPDIR", &tmpdir)],
        )
    })
}

/// Downloads in flight in each frontier worker: few enough that three workers (60 at once)
/// leave the site and the machine idle most of the time, so the row measures the frontier.
const WORKER_CONCURRENCY: u32 = 20;

/// `workers` processes of the crawler share one crawl of 1000 URLs × 100 ms through Redis:
/// URLs per second from their start until the last one exits.
fn frontier(workers: usize, scale: Scale) -> Measurement {
    let redis = RedisServer::shared().map_err(|e| {
        if e.is_missing() {
            unavailable(e)
        } else {
            BenchError(e.to_string())
        }
    })?;
    let site = site()?;
    let workload = Workload {
        pages: scale.pick(1000, 60),
        concurrency: WORKER_CONCURRENCY,
        delay_ms: 100,
    };
    let dir = scratch()?;
    let seeds = dir.path().join("seeds.txt");
    // The frontier's keys are named after the seeds: new URLs make each run a new crawl.
    let run = format!("&run={}", unique_name("ch15"));
    std::fs::write(&seeds, page_urls(&site, workload, &run).join("\n")).map_err(io_error)?;
    let out = dir.path().join("out");
    let mut args = crawl_args(&seeds, &out, workload.concurrency);
    args.extend(["--frontier".to_owned(), redis.url().to_owned()]);

    let start = Instant::now();
    let mut children = Vec::new();
    for i in 0..workers {
        let log =
            std::fs::File::create(dir.path().join(format!("worker{i}.log"))).map_err(io_error)?;
        let child = worker_command(CLI_JOB, "")
            .map_err(io_error)?
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(io_error)?;
        children.push(child);
    }
    let statuses: Vec<_> = children
        .iter_mut()
        .map(|child| child.wait())
        .collect::<Result<_, _>>()
        .map_err(io_error)?;
    let elapsed = start.elapsed().as_secs_f64();
    for (i, status) in statuses.iter().enumerate() {
        if !status.success() {
            let log = std::fs::read_to_string(dir.path().join(format!("worker{i}.log")))
                .unwrap_or_default();
            let tail: Vec<&str> = log.lines().rev().take(3).collect();
            return Err(BenchError(format!(
                "worker {i} exited with {status}: {tail:?}"
            )));
        }
    }
    let saved = count_files(&out).map_err(io_error)?;
    if saved != workload.pages {
        return Err(BenchError(format!(
            "{saved} files for {} URLs",
            workload.pages
        )));
    }
    Ok(workload.pages as f64 / elapsed)
}

/// Complete files under `out` (one folder per host); a temporary file left is an error.
fn count_files(out: &Path) -> std::io::Result<usize> {
    let mut count = 0;
    for host in std::fs::read_dir(out)? {
        for file in std::fs::read_dir(host?.path())? {
            let name = file?.file_name();
            if name
                .to_string_lossy()
                .starts_with(crate::fetch::TEMP_PREFIX)
            {
                return Err(std::io::Error::other(format!(
                    "temporary file left: {name:?}"
                )));
            }
            count += 1;
        }
    }
    Ok(count)
}
