//! The process-per-URL strategy: driven through the real chapter binary (its children are
//! that binary re-run as workers, exactly as when a reader runs the tour), and its parent's side
//! with children the test chooses.
//!
//! How many children had a request in flight at once depends on how fast the machine starts
//! them, so the binary's row is checked for what is certain (one process per URL); that the
//! parent starts every child before it waits for any is checked with children that wait for
//! each other.

use ch01_blocking::strategies::collect_children;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn the_tour_binary_crawls_with_one_process_per_url() {
    let output = Command::new(env!("CARGO_BIN_EXE_ch01_blocking"))
        .args([
            "five_ways",
            "--urls",
            "3",
            "--latency-ms",
            "300",
            "--pool",
            "3",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let row = stdout
        .lines()
        .find(|l| l.starts_with("a process per URL"))
        .unwrap_or_else(|| panic!("no process row in\n{stdout}"));
    assert!(row.ends_with("3 processes"), "one process per URL: {row}");
    let in_flight: usize = row
        .split_whitespace()
        .rev()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no in-flight figure in {row}"));
    assert!((1..=3).contains(&in_flight), "{row}");
}

/// `sh` running `script` with `args` as `$0`, `$1`, …, its stdout piped.
fn sh(script: &str, args: &[&str]) -> std::io::Result<Child> {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}

#[test]
fn every_child_is_started_before_any_is_waited_for() {
    // Each child signs in, then waits (20 s at most) until all three have signed in. A parent
    // that waited for the first child before starting the second would see it give up.
    let room = tempfile::tempdir().unwrap();
    let room = room.path().to_str().unwrap();
    let urls: Vec<String> = ["a", "b", "c"].map(String::from).into();
    let pages = collect_children(&urls, |url| {
        sh(
            r#"touch "$0/$1"; tries=0
               until [ "$(ls "$0" | wc -l)" -ge 3 ]; do
                 tries=$((tries + 1)); [ "$tries" -gt 2000 ] && { echo "alone" >&2; exit 1; }
                 sleep 0.01
               done
               printf "page %s" "$1""#,
            &[room, url],
        )
    })
    .unwrap();
    let bodies: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(&p.body).into_owned())
        .collect();
    assert_eq!(bodies, ["page a", "page b", "page c"]);
}

#[test]
fn a_child_that_cannot_start_gets_the_running_ones_killed_and_reaped() {
    let urls: Vec<String> = ["a", "b", "c", "d"].map(String::from).into();
    let (pids_tx, pids) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    std::thread::spawn(move || {
        let result = collect_children(&urls, |url| {
            if url == "c" {
                return Err(std::io::Error::other("out of processes"));
            }
            let child = sh("exec sleep 600", &[])?;
            pids_tx.send(child.id()).unwrap();
            Ok(child)
        });
        done_tx.send(result.map(|_| ())).unwrap();
    });
    // Waiting for the sleepers instead of killing them would take 600 s.
    let result = done
        .recv_timeout(Duration::from_secs(60))
        .expect("it returns at once: the running children are killed, not waited for");
    let error = result.unwrap_err();
    assert_eq!(error.url, "c");
    assert!(
        error.reason.contains("out of processes"),
        "{}",
        error.reason
    );
    let pids: Vec<u32> = pids.try_iter().collect();
    assert_eq!(pids.len(), 2, "a and b were started, d never");
    for pid in pids {
        // A child killed but not reaped would still be here, as a zombie.
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "child {pid} was reaped"
        );
    }
}

#[test]
fn a_worker_reports_a_failed_fetch_on_stderr_and_exits_non_zero() {
    let output = Command::new(env!("CARGO_BIN_EXE_ch01_blocking"))
        .env(
            shared::tour::WORKER_ENV,
            "fetch:http://127.0.0.1:1/nothing-listens-here",
        )
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "ExitCode::FAILURE");
    assert!(output.stdout.is_empty(), "no body for a failed fetch");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error sending request"),
        "reqwest's reason, for the parent to report: {stderr}"
    );
}

#[test]
fn bad_options_are_a_message_and_exit_code_2() {
    for (args, message) in [
        (
            ["--urls", "lots"],
            "invalid value 'lots' for '--urls <N>': invalid digit found in string",
        ),
        (
            ["--pool", "100000"],
            "invalid value '100000' for '--pool <N>': 100000 is not in 1..=64",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_ch01_blocking"))
            .arg("five_ways")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(output.stdout.is_empty(), "nothing ran");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(message), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
