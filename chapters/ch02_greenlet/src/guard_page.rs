//! The guard page at work: a greenlet that overflows its stack kills the process, cleanly.
//!
//! Below every greenlet's stack corosensei maps one page with no access rights. A runaway
//! recursion walks down the stack into it, and the first touch is a fault the operating system
//! turns into `SIGSEGV`: the process dies on the spot instead of scribbling over whatever
//! memory lies below the stack. A dead process is the best possible outcome of a bug like
//! that, and it cannot be caught, so the section runs the overflow in a child process (the
//! tour's own executable, re-run as a worker) and reports how the child ended.

use crate::greenlet::Hub;
use std::hint::black_box;
use std::process::{ExitCode, ExitStatus};

/// The worker job's name: `overflow` runs [`overflow_job`] in a child process.
pub const OVERFLOW_JOB: &str = "overflow";

// ANCHOR: overflow
/// The worker job: a greenlet recursing until it runs out of stack.
pub fn overflow_job(_argument: &str) -> ExitCode {
    let hub = Hub::new();
    let greenlet = hub.greenlet();
    hub.set_run(greenlet, |_, depth| recurse(depth));
    hub.switch(greenlet, 0); // never returns: the process dies in the guard page
    ExitCode::SUCCESS
}

/// Half a KiB of stack per call; the sum after the call keeps it from being a loop.
fn recurse(depth: u64) -> u64 {
    if depth == u64::MAX {
        return 0;
    }
    let frame = black_box([depth; 64]);
    recurse(depth + 1) + frame[63]
}
// ANCHOR_END: overflow

/// How a process ended, in words: its exit code, or the signal that killed it.
fn describe(status: ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = if signal == 11 { " (SIGSEGV)" } else { "" };
            return format!("killed by signal {signal}{name}");
        }
    }
    format!("ended with {status}")
}

/// The tour section: run the job in a child process and say how the child ended.
pub fn show() {
    // ANCHOR: run_child
    let status =
        shared::tour::worker_command(OVERFLOW_JOB, "").and_then(|mut child| child.status());
    match status {
        Ok(status) => shared::outln!("the overflowing worker was {}", describe(status)),
        Err(error) => shared::outln!("could not start the worker process: {error}"),
    }
    // ANCHOR_END: run_child
}
