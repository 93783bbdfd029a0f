//! The shared frontier: three worker processes crawl one set of URLs through the private
//! Redis; one is killed with SIGKILL mid-crawl; every URL still ends up saved exactly once.
//! And a worker keeps `--rate-per-host` as a lone crawler does.

use ch15_crawler::site::Site;
use libtest_mimic::{Failed, Trial};
use serde_json::Value;
use shared::services::{Need, redis::RedisServer, run_tests};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    run_tests(
        &[Need::Redis],
        vec![
            Trial::test(
                "three_workers_one_killed_every_url_saved_exactly_once",
                three_workers_one_killed_every_url_saved_exactly_once,
            ),
            Trial::test(
                "a_worker_keeps_the_rate_per_host_retries_included",
                a_worker_keeps_the_rate_per_host_retries_included,
            ),
        ],
    )
}

const URLS: usize = 40;
const KIB: usize = 5;

fn worker(redis_url: &str, seeds: &Path, out: &Path, report: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_ch15_crawler"))
        .args([
            "crawl",
            "--concurrency",
            "4",
            "--per-host",
            "4",
            "--frontier",
            redis_url,
        ])
        .arg("--from")
        .arg(seeds)
        .arg("--out")
        .arg(out)
        .arg("--report")
        .arg(report)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("a worker starts")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flat_map(|e| std::fs::read_dir(e.unwrap().path()).unwrap())
                .map(|e| e.unwrap().path())
                .collect()
        })
        .unwrap_or_default()
}

fn three_workers_one_killed_every_url_saved_exactly_once() -> Result<(), Failed> {
    let server = RedisServer::shared()?;
    let site = Site::start();
    let dir = tempfile::tempdir()?;
    let seeds = dir.path().join("seeds.txt");
    // Distinct URLs (the query differs), each a body trickling in over half a second.
    let urls: Vec<String> = (0..URLS)
        .map(|i| site.url(&format!("/trickle/{KIB}?n={i}")))
        .collect();
    std::fs::write(&seeds, urls.join("\n"))?;
    let out = dir.path().join("out");
    let reports: Vec<PathBuf> = (0..3)
        .map(|i| dir.path().join(format!("report{i}.jsonl")))
        .collect();
    let mut workers: Vec<Child> = reports
        .iter()
        .map(|r| worker(server.url(), &seeds, &out, r))
        .collect();

    // Kill the first worker once the crawl is under way (some files saved), before it ends.
    let start = Instant::now();
    while files(&out)
        .iter()
        .filter(|p| !p.to_string_lossy().contains(".part-"))
        .count()
        < 4
    {
        if start.elapsed() > Duration::from_secs(30) {
            return Err("the crawl never got going".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    if workers[0].try_wait()?.is_some() {
        return Err(
            "the first worker finished before it could be killed: give it more work".into(),
        );
    }
    workers[0].kill()?;
    workers[0].wait()?;
    // The survivors take over the dead worker's URLs after RECLAIM_AFTER, then end. If they
    // never do, that is the failure (not a test that hangs).
    let deadline = Instant::now() + Duration::from_secs(60);
    for i in 1..workers.len() {
        let status = loop {
            if let Some(status) = workers[i].try_wait()? {
                break status;
            }
            if Instant::now() > deadline {
                for w in &mut workers[1..] {
                    let _ = w.kill();
                    let _ = w.wait();
                }
                return Err("the surviving workers never finished: the dead worker's URLs were not reclaimed".into());
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        if status.code() != Some(0) {
            return Err(format!("a surviving worker exited with {status}").into());
        }
    }

    let saved = files(&out);
    if saved.iter().any(|p| p.to_string_lossy().contains(".part-")) {
        return Err(format!("temporary files left: {saved:#?}").into());
    }
    if saved.len() != URLS {
        return Err(format!("{} files for {URLS} URLs: {saved:#?}", saved.len()).into());
    }
    for file in &saved {
        if std::fs::metadata(file)?.len() != (KIB * 1024) as u64 {
            return Err(format!("{} is not complete", file.display()).into());
        }
    }
    for report in &reports[1..] {
        let entries: Vec<Value> = std::fs::read_to_string(report)?
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        if entries.len() != URLS || entries.iter().any(|e| e["outcome"] != "saved") {
            return Err(format!("incomplete report {}: {entries:#?}", report.display()).into());
        }
    }
    Ok(())
}

/// The same check as tests/cli.rs's, through the frontier: four requests to one host (/flaky
/// fails twice, then a page) at one per second cannot end before 3 s (a lower bound, which
/// load cannot break); without the limit they take about a second.
fn a_worker_keeps_the_rate_per_host_retries_included() -> Result<(), Failed> {
    let server = RedisServer::shared()?;
    let site = Site::start();
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_ch15_crawler"))
        .args(["crawl", "--rate-per-host", "1", "--frontier", server.url()])
        .arg("--out")
        .arg(dir.path().join("out"))
        .args([site.url("/flaky"), site.url("/page/1")])
        .stdin(Stdio::null())
        .output()?;
    let elapsed = start.elapsed();
    if output.status.code() != Some(0) {
        return Err(format!(
            "the worker exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    if (site.hits("/flaky"), site.total_hits()) != (3, 4) {
        return Err(format!(
            "{} requests, {} to /flaky",
            site.total_hits(),
            site.hits("/flaky")
        )
        .into());
    }
    if elapsed < Duration::from_secs(3) {
        return Err(format!("four requests in {elapsed:?} at 1 per second").into());
    }
    Ok(())
}
