//! The crawler as a user runs it: the real binary against the fixture site, checking exit
//! statuses, the report, and what is (and is not) on disk afterwards.

use ch15_crawler::site::{CUT_BYTES, HOSTILE_LINKS, IMAGE_BYTES, PAGES, Site};
use serde_json::Value;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// A fixture site, and a fresh folder with `out/` to crawl it into and `report.jsonl` beside it.
struct Fixture {
    site: Site,
    root: tempfile::TempDir,
    out: PathBuf,
    report_file: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let root = tempfile::tempdir().unwrap();
        Fixture {
            site: Site::start(),
            out: root.path().join("out"),
            report_file: root.path().join("report.jsonl"),
            root,
        }
    }

    fn url(&self, path: &str) -> String {
        self.site.url(path)
    }

    /// `crawl --out OUT --report REPORT OPTIONS… URLS…`, with the site's URL for each path.
    fn command(&self, options: &[&str], paths: &[&str]) -> Command {
        let mut command = crawler();
        command
            .args([
                "crawl",
                "--out",
                arg(&self.out),
                "--report",
                arg(&self.report_file),
            ])
            .args(options)
            .args(paths.iter().map(|p| self.url(p)));
        command
    }

    /// Crawl and wait for the end.
    fn crawl(&self, options: &[&str], paths: &[&str]) -> Output {
        self.command(options, paths)
            .output()
            .expect("the crawler runs")
    }

    /// Start a crawl, its output piped, to interrupt it.
    fn spawn(&self, options: &[&str], paths: &[&str]) -> Child {
        self.command(options, paths)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the crawler starts")
    }

    /// The report's entries, one per URL.
    fn report(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.report_file)
            .expect("the report was written")
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }

    /// Every file under `out`.
    fn files(&self) -> Vec<PathBuf> {
        files(&self.out)
    }

    /// The temporary files under `out`.
    fn temp_files(&self) -> Vec<PathBuf> {
        self.files()
            .into_iter()
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".part-")
            })
            .collect()
    }

    /// Whether the download of `path` is saved under its final name.
    fn saved(&self, path: &str) -> bool {
        self.final_name(path).is_file()
    }

    fn final_name(&self, path: &str) -> PathBuf {
        self.out.join(ch15_crawler::names::relative_path(
            &url::Url::parse(&self.url(path)).unwrap(),
        ))
    }

    /// Wait until a download is saved and another one is streaming into a temporary file.
    fn wait_until_saved_and_streaming(&self, saved: &str) {
        wait_until("a download is saved and another one is streaming", || {
            self.saved(saved) && !self.temp_files().is_empty()
        });
    }
}

fn crawler() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ch15_crawler"));
    command.stdin(Stdio::null());
    command
}

/// Run the crawler with exactly these arguments.
fn run(args: &[&str]) -> Output {
    crawler().args(args).output().expect("the crawler runs")
}

#[track_caller]
fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
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

/// Wait for the child to exit, for at most `limit`; kill it and fail past that.
fn exit_within(child: &mut Child, limit: Duration) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running {limit:?} later");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Send SIGINT, as Ctrl-C in a terminal does.
fn ctrl_c(child: &Child) {
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// The child's stderr, line by line, read on a thread of its own.
fn stderr_lines(child: &mut Child) -> std::sync::mpsc::Receiver<String> {
    let stderr = child.stderr.take().expect("stderr is piped");
    let (lines, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    receiver
}

/// The first line from `lines` that contains `text`, within 30 s.
fn line_containing(lines: &std::sync::mpsc::Receiver<String>, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(e) => panic!("no line with {text:?} on stderr: {e}"),
        }
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn depth_two_saves_the_whole_site_inside_out_and_resume_fetches_nothing_again() {
    let f = Fixture::new();
    let output = f.crawl(&["--depth", "2"], &["/"]);
    assert_exit(&output, 0);

    // The index, its pages, one image per page and the index's own, the hostile names.
    let expected = 1 + PAGES + (PAGES + 1) + HOSTILE_LINKS.len();
    let entries = f.report();
    assert_eq!(entries.len(), expected, "{entries:#?}");
    for e in &entries {
        assert_eq!(e["outcome"], "saved", "{e}");
        let saved = f.out.join(e["path"].as_str().unwrap());
        assert_eq!(
            std::fs::metadata(&saved).unwrap().len(),
            e["bytes"].as_u64().unwrap()
        );
    }
    let image = entry(&entries, &f.url("/img/3.png"));
    assert_eq!(
        std::fs::read(f.out.join(image["path"].as_str().unwrap())).unwrap(),
        shared::fixture_server::body_for("/img/3.png", IMAGE_BYTES)
    );
    // Nothing outside --out, nothing but the saved files inside, one file per URL.
    let all = files(f.root.path());
    assert_eq!(all.len(), expected + 1, "{all:#?}");
    assert!(
        all.iter()
            .all(|p| p.starts_with(&f.out) || *p == f.report_file)
    );
    assert!(f.temp_files().is_empty());

    let hits_before = f.site.total_hits();
    let output = f.crawl(&["--resume", "--depth", "2"], &["/"]);
    assert_exit(&output, 0);
    assert_eq!(
        f.site.total_hits(),
        hits_before,
        "--resume fetched something again"
    );
    let entries = f.report();
    assert_eq!(
        entries.len(),
        expected,
        "resume still follows the saved pages' links"
    );
    assert!(entries.iter().all(|e| e["outcome"] == "skipped"));
}

#[test]
fn each_fault_gives_its_report_entry_and_exit_status_one() {
    let f = Fixture::new();
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
    let output = f.crawl(&["--retries", "3", "--max-bytes", "1000000"], &paths);
    assert_exit(&output, 1);
    let entries = f.report();
    let get = |p: &str| entry(&entries, &f.url(p)).clone();

    let missing = get("/missing");
    assert_eq!(
        (
            missing["outcome"].as_str(),
            missing["status"].as_u64(),
            missing["attempts"].as_u64()
        ),
        (Some("failed"), Some(404), Some(1))
    );
    assert_eq!(f.site.hits("/missing"), 1, "a 404 is never retried");

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
    assert_eq!(chain["final_url"], f.url("/redirect/0"));

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
    let saved = f.files();
    assert_eq!(saved.len(), 4, "{saved:#?}");
    assert!(f.temp_files().is_empty());
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
        &[
            "crawl",
            "--rate-per-host",
            "0",
            "--out",
            "x",
            "http://127.0.0.1/",
        ],
        &[
            "crawl",
            "--rate-per-host",
            "fast",
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

/// A short download (1 s) beside three long ones (30 s).
const SLOW_CRAWL: [&str; 4] = [
    "/trickle/10",
    "/trickle/300",
    "/trickle/301",
    "/trickle/302",
];

#[test]
fn ctrl_c_cancels_removes_temporary_files_reports_and_exits_130() {
    let f = Fixture::new();
    let child = f.spawn(&["--per-host", "4"], &SLOW_CRAWL);
    // Interrupt once the short download is saved and a long one is half-way in a temp file.
    f.wait_until_saved_and_streaming("/trickle/10");
    ctrl_c(&child);
    let output = child.wait_with_output().unwrap();
    assert_exit(&output, 130);
    assert!(
        f.temp_files().is_empty(),
        "temporary files left: {:?}",
        f.temp_files()
    );
    let entries = f.report();
    assert_eq!(entry(&entries, &f.url("/trickle/10"))["outcome"], "saved");
    for cancelled in ["/trickle/300", "/trickle/301", "/trickle/302"] {
        assert_eq!(entry(&entries, &f.url(cancelled))["outcome"], "cancelled");
    }
    assert_eq!(
        f.files().len(),
        1,
        "only the complete download has a final name"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("cancelled        3"));
}

#[test]
fn a_second_ctrl_c_cuts_the_grace_period_short() {
    let f = Fixture::new();
    // Two downloads of 100 s and a grace period of 60 s: without the second Ctrl-C, the crawl
    // would go on for a minute after the first.
    let long = ["/trickle/1000", "/trickle/1001"];
    let mut child = f.spawn(&["--grace", "60"], &["/trickle/10", long[0], long[1]]);
    let stderr = stderr_lines(&mut child);
    f.wait_until_saved_and_streaming("/trickle/10");
    ctrl_c(&child);
    // The second Ctrl-C only once the first was heard (two signals at once are one signal).
    let said = line_containing(&stderr, "interrupted");
    assert!(said.contains("press Ctrl-C again to stop now"), "{said}");
    assert!(
        !f.temp_files().is_empty(),
        "the long downloads go on in the grace period"
    );
    ctrl_c(&child);
    // Far less than the 60 s grace period, and generous for a loaded machine.
    let status = exit_within(&mut child, Duration::from_secs(30));
    assert_eq!(status.code(), Some(130));
    let output = child.wait_with_output().unwrap();
    assert!(
        f.temp_files().is_empty(),
        "temporary files left: {:?}",
        f.temp_files()
    );
    assert!(
        long.iter().all(|p| !f.saved(p)),
        "a partial body under its final name"
    );
    assert_eq!(f.files().len(), 1, "only the complete download is on disk");
    let entries = f.report();
    assert_eq!(entry(&entries, &f.url("/trickle/10"))["outcome"], "saved");
    for cancelled in long {
        assert_eq!(entry(&entries, &f.url(cancelled))["outcome"], "cancelled");
    }
    assert!(String::from_utf8_lossy(&output.stdout).contains("cancelled        2"));
}

#[test]
fn kill_9_leaves_no_partial_final_file_and_the_next_run_cleans_up() {
    let f = Fixture::new();
    let mut child = f.spawn(&["--per-host", "4"], &SLOW_CRAWL);
    wait_until("a download is streaming into a temporary file", || {
        !f.temp_files().is_empty()
    });
    child.kill().unwrap(); // SIGKILL: no handler runs.
    child.wait().unwrap();
    assert!(
        !f.temp_files().is_empty(),
        "kill -9 cannot clean up; the next run must"
    );
    assert!(
        !f.final_name("/trickle/300").exists(),
        "a partial body under its final name"
    );

    let output = f.crawl(&["--resume"], &["/page/2"]);
    assert_exit(&output, 0);
    assert!(
        f.temp_files().is_empty(),
        "the next run removed the stale temporary files"
    );
}

#[test]
fn robots_keeps_the_crawler_out_of_disallowed_paths() {
    let f = Fixture::new();
    let output = f.crawl(&["--robots"], &["/private/secret", "/page/1"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a disallowed URL is not a failure"
    );
    let entries = f.report();
    assert_eq!(
        entry(&entries, &f.url("/private/secret"))["outcome"],
        "disallowed"
    );
    assert_eq!(entry(&entries, &f.url("/page/1"))["outcome"], "saved");
    assert_eq!(f.site.hits("/private/secret"), 0);
    assert_eq!(
        f.site.hits("/robots.txt"),
        1,
        "robots.txt is fetched once per host"
    );

    // Without --robots, the same URL is fetched.
    let output = f.crawl(&[], &["/private/secret"]);
    assert_exit(&output, 0);
    assert_eq!(f.site.hits("/private/secret"), 1);
}

#[test]
fn rate_per_host_spaces_every_request_retries_included() {
    let f = Fixture::new();
    // Four requests to one host: /flaky fails twice before it succeeds, and a page. At one per
    // second, the last one cannot start before 3 s. Without the limit they all take about a
    // second (the retries' backoff); without it on retries, at most 2.2 s, whichever URL goes
    // first. A lower bound only: load can make the crawl slower, never faster, so it cannot
    // fail for a crawler that keeps the limit. The exact spacing is checked on tokio's paused
    // clock (src/rate.rs).
    let start = Instant::now();
    let output = f.crawl(
        &["--rate-per-host", "1", "--per-host", "8"],
        &["/flaky", "/page/1"],
    );
    let elapsed = start.elapsed();
    assert_exit(&output, 0);
    assert_eq!(f.site.total_hits(), 4);
    assert_eq!(f.site.hits("/flaky"), 3);
    assert!(
        elapsed >= Duration::from_secs(3),
        "four requests in {elapsed:?} at 1 per second"
    );
}
