//! 二, 多进程: a child process for every URL.
//!
//! Python reaches for processes because of the GIL: threads cannot run Python bytecode in
//! parallel, so CPU-bound work needs processes. Rust has no GIL; threads (or rayon) already use
//! every core, so processes are for isolation (a crash stays in the child), not for speed.
//! Starting one costs an `exec`, a fresh address space and, here, a new HTTP client.
//!
//! Like `multiprocessing`, the child runs the same program again: the chapter registers
//! [`fetch_job`] as a worker job, and [`shared::tour::worker_command`] re-runs the current
//! executable in that role. The child writes the body to its stdout; the parent reads it.

use crate::crawl::{Fetched, get_page};
use shared::UrlError;
use std::io::{self, Write};
use std::process::{Child, ExitCode, Stdio};

/// The worker job's name.
pub const FETCH_JOB: &str = "fetch";

// ANCHOR: process_per_job
/// Start one child per URL, all at once, then collect each child's stdout.
pub fn process_per_job(urls: &[String]) -> Result<Vec<Fetched>, UrlError> {
    collect_children(urls, |url| {
        shared::tour::worker_command(FETCH_JOB, url)?
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    })
}

/// The parent's side, with the way to start each URL's child given (its stdout piped): start
/// them all, then wait for each. If one cannot start, the ones already running are killed and
/// reaped before the error is returned: no child outlives the crawl unwatched.
pub fn collect_children(
    urls: &[String],
    mut start: impl FnMut(&str) -> io::Result<Child>,
) -> Result<Vec<Fetched>, UrlError> {
    let mut children = Vec::with_capacity(urls.len());
    for url in urls {
        match start(url) {
            Ok(child) => children.push(child),
            Err(e) => {
                for mut child in children {
                    // `kill` fails only if the child has exited already; `wait` reaps it either way.
                    let _ = child.kill();
                    let _ = child.wait();
                }
                return Err(UrlError::new(
                    url,
                    format!("cannot start a worker process: {e}"),
                ));
            }
        }
    }
    // Wait for every child before looking at any result, so that an early error leaves no
    // child running unwatched (`collect` below stops at the first error).
    let outputs: Vec<_> = children.into_iter().map(|c| c.wait_with_output()).collect();
    urls.iter()
        .zip(outputs)
        .map(|(url, output)| {
            let output = output.map_err(|e| UrlError::new(url, e))?;
            if !output.status.success() {
                let why = String::from_utf8_lossy(&output.stderr);
                return Err(UrlError::new(url, why.trim()));
            }
            Ok(Fetched {
                url: url.clone(),
                body: output.stdout,
                thread: None,
            })
        })
        .collect()
}

/// The child's side: fetch `url`, write the body to stdout, or the error to stderr.
pub fn fetch_job(url: &str) -> ExitCode {
    let client = reqwest::blocking::Client::new();
    match get_page(&client, url) {
        Ok(page) => match std::io::stdout().lock().write_all(&page.body) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("writing the body: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{}", e.reason);
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: process_per_job
