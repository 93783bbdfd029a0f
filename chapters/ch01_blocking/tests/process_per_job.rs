//! The process-per-URL strategy, driven through the real chapter binary: its children are
//! that binary re-run as workers, exactly as when a reader runs the tour.
//!
//! "All in flight at once" assumes every child sends its request before the first answer
//! comes back. Starting a child (exec, a fresh HTTP client) takes milliseconds, but several
//! on a loaded two-core machine can take tens of them, so the latency here is 300 ms, not 20.

use std::process::Command;

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
    assert!(row.ends_with("3 processes"), "{row}");
    assert_eq!(
        row.split_whitespace().rev().nth(2),
        Some("3"),
        "3 in flight at once: {row}"
    );
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
