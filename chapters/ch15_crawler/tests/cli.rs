//! The crawler as a user runs it: the real binary against the fixture site, checking exit
//! statuses, the report, and what is (and is not) on disk afterwards.

use ch15_crawler::site::{CUT_BYTES, HOSTILE_LINKS, IMAGE_BYTES, PAGES, Site};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn crawler() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ch15_crawler"));
    command.stdin(Stdio::null());
    command
}

fn run(args: &[&str]) -> Output {
    crawler().args(args).output().expect("the crawler runs")
}

fn report(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("the report was written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn entry<'a>(report: &'a [Value], url: &str) -> &'a Value {
    report
        .iter()
        .find(|e| e["url"] == url)
        .unwrap_or_else(|| panic!("no entry for {url} in {report:#?}"))
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".part-")
        })
        .collect()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "gave up waiting until {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn depth_two_saves_the_whole_site_inside_out_and_resume_fetches_nothing_again() {
    let site = Site::start();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let report_file = root.path().join("report.jsonl");
    let index = site.url("/");
    let output = run(&[
        "crawl",
        "--depth",
        "2",
        "--out",
        arg(&out),
        "--report",
        arg(&report_file),
        &index,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // The index, its pages, one image per page and the index's own, the hostile names.
    let expected = 1 + PAGES + (PAGES + 1) + HOSTILE_LINKS.len();
    let entries = report(&report_file);
    assert_eq!(entries.len(), expected, "{entries:#?}");
    for e in &entries {
        assert_eq!(e["outcome"], "saved", "{e}");
        let saved = out.join(e["path"].as_str().unwrap());
        assert_eq!(
            std::fs::metadata(&saved).unwrap().len(),
            e["bytes"].as_u64().unwrap()
        );
    }
    let image = entry(&entries, &site.url("/img/3.png"));
    assert_eq!(
        std::fs::read(out.join(image["path"].as_str().unwrap())).unwrap(),
        shared::fixture_server::body_for("/img/3.png", IMAGE_BYTES)
    );
    // Nothing outside --out, nothing but the saved files inside, one file per URL.
    let all = files(root.path());
    assert_eq!(all.len(), expected + 1, "{all:#?}");
    assert!(all.iter().all(|p| p.starts_with(&out) || *p == report_file));
    assert!(temp_files(&out).is_empty());

    let hits_before = site.total_hits();
    let output = run(&[
        "crawl",
        "--resume",
        "--depth",
        "2",
        "--out",
        arg(&out),
        "--report",
        arg(&report_file),
        &index,
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        site.total_hits(),
        hits_before,
        "--resume fetched something again"
    );
    let entries = report(&report_file);
    assert_eq!(
        entries.len(),
        expected,
        "resume still follows the saved pages' links"
    );
    assert!(entries.iter().all(|e| e["outcome"] == "skipped"));
}

#[test]
fn each_fault_gives_its_report_entry_and_exit_status_one() {
    let site = Site::start();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let report_file = root.path().join("report.jsonl");
    let paths = [
        "/missing",
        "/flaky",
        "/busy",
        "/cut",
        "/cut-always",
        "/redirect/3",
        "/loop",
        "/huge",
    ];
    let urls: Vec<String> = paths.iter().map(|p| site.url(p)).collect();
    let mut args = vec![
        "crawl",
        "--retries",
        "3",
        "--max-bytes",
        "1000000",
        "--out",
        arg(&out),
        "--report",
        arg(&report_file),
    ];
    args.extend(urls.iter().map(String::as_str));
    let output = run(&args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let entries = report(&report_file);
    let get = |p: &str| entry(&entries, &site.url(p)).clone();

    let missing = get("/missing");
    assert_eq!(
        (
            missing["outcome"].as_str(),
            missing["status"].as_u64(),
            missing["attempts"].as_u64()
        ),
        (Some("failed"), Some(404), Some(1))
    );
    assert_eq!(site.hits("/missing"), 1, "a 404 is never retried");

    let flaky = get("/flaky");
    assert_eq!(
        (flaky["outcome"].as_str(), flaky["attempts"].as_u64()),
        (Some("saved"), Some(3))
    );

    let busy = get("/busy");
    assert_eq!(
        (busy["outcome"].as_str(), busy["attempts"].as_u64()),
        (Some("saved"), Some(2))
    );

    let cut = get("/cut");
    assert_eq!(
        (
            cut["outcome"].as_str(),
            cut["attempts"].as_u64(),
            cut["bytes"].as_u64()
        ),
        (Some("saved"), Some(2), Some(CUT_BYTES as u64))
    );

    let cut_always = get("/cut-always");
    assert_eq!(
        (
            cut_always["outcome"].as_str(),
            cut_always["attempts"].as_u64()
        ),
        (Some("failed"), Some(4))
    );
    assert!(
        cut_always["error"][0]
            .as_str()
            .unwrap()
            .contains("body stopped"),
        "{cut_always}"
    );

    let chain = get("/redirect/3");
    assert_eq!(chain["final_url"], site.url("/redirect/0"));

    let looping = get("/loop");
    assert_eq!(looping["outcome"], "failed");
    assert!(
        looping["error"].to_string().contains("redirect"),
        "{looping}"
    );

    let huge = get("/huge");
    assert_eq!(huge["outcome"], "failed");
    assert!(
        huge["error"][0].as_str().unwrap().contains("--max-bytes"),
        "{huge}"
    );

    // Only the four successes are on disk, complete; no temporary file is left.
    let saved = files(&out);
    assert_eq!(saved.len(), 4, "{saved:#?}");
    assert!(temp_files(&out).is_empty());
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("failed           4"), "{summary}");
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["crawl", "--out", "x"][..],
        &["crawl", "--out", "x", "ftp://example.com/"],
        &["crawl", "--out", "x", "not a url"],
        &[
            "crawl",
            "--concurrency",
            "0",
            "--out",
            "x",
            "http://127.0.0.1/",
        ],
        &["crawl", "http://127.0.0.1/"],
        &["crawl", "--from", "/no/such/file", "--out", "x"],
        &["crawl", "--bogus"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("error"),
            "{args:?}"
        );
        assert!(!Path::new("x").exists());
    }
}

fn spawn_slow_crawl(site: &Site, out: &Path, report_file: &Path) -> Child {
    crawler()
        .args([
            "crawl",
            "--per-host",
            "4",
            "--out",
            arg(out),
            "--report",
            arg(report_file),
        ])
        .args([
            site.url("/trickle/10"),
            site.url("/trickle/300"),
            site.url("/trickle/301"),
            site.url("/trickle/302"),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the crawler starts")
}

#[test]
fn ctrl_c_cancels_removes_temporary_files_reports_and_exits_130() {
    let site = Site::start();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let report_file = root.path().join("report.jsonl");
    let child = spawn_slow_crawl(&site, &out, &report_file);
    // Interrupt once the short download is saved and a long one is half-way in a temp file.
    wait_until("a download is saved and another one is streaming", || {
        files(&out)
            .iter()
            .any(|p| p.to_string_lossy().contains("trickle_10-"))
            && !temp_files(&out).is_empty()
    });
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        temp_files(&out).is_empty(),
        "temporary files left: {:?}",
        temp_files(&out)
    );
    let entries = report(&report_file);
    assert_eq!(
        entry(&entries, &site.url("/trickle/10"))["outcome"],
        "saved"
    );
    for cancelled in ["/trickle/300", "/trickle/301", "/trickle/302"] {
        assert_eq!(
            entry(&entries, &site.url(cancelled))["outcome"],
            "cancelled"
        );
    }
    assert_eq!(
        files(&out).len(),
        1,
        "only the complete download has a final name"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("cancelled        3"));
}

#[test]
fn kill_9_leaves_no_partial_final_file_and_the_next_run_cleans_up() {
    let site = Site::start();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let report_file = root.path().join("report.jsonl");
    let mut child = spawn_slow_crawl(&site, &out, &report_file);
    wait_until("a download is streaming into a temporary file", || {
        !temp_files(&out).is_empty()
    });
    child.kill().unwrap(); // SIGKILL: no handler runs.
    child.wait().unwrap();
    assert!(
        !temp_files(&out).is_empty(),
        "kill -9 cannot clean up; the next run must"
    );
    let long = out.join(ch15_crawler::names::relative_path(
        &url::Url::parse(&site.url("/trickle/300")).unwrap(),
    ));
    assert!(!long.exists(), "a partial body under its final name");

    let output = run(&[
        "crawl",
        "--resume",
        "--out",
        arg(&out),
        &site.url("/page/2"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        temp_files(&out).is_empty(),
        "the next run removed the stale temporary files"
    );
}

#[test]
fn robots_keeps_the_crawler_out_of_disallowed_paths() {
    let site = Site::start();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let report_file = root.path().join("report.jsonl");
    let (private, page) = (site.url("/private/secret"), site.url("/page/1"));
    let output = run(&[
        "crawl",
        "--robots",
        "--out",
        arg(&out),
        "--report",
        arg(&report_file),
        &private,
        &page,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a disallowed URL is not a failure"
    );
    let entries = report(&report_file);
    assert_eq!(entry(&entries, &private)["outcome"], "disallowed");
    assert_eq!(entry(&entries, &page)["outcome"], "saved");
    assert_eq!(site.hits("/private/secret"), 0);
    assert_eq!(
        site.hits("/robots.txt"),
        1,
        "robots.txt is fetched once per host"
    );

    // Without --robots, the same URL is fetched.
    let output = run(&["crawl", "--out", arg(&out), &private]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(site.hits("/private/secret"), 1);
}
