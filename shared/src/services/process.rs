//! Starting a server binary so that it never outlives us.
//!
//! A server we start must be gone when our process ends, however it ends: a test that panics,
//! a tour stopped with Ctrl-C, a process killed outright, or a `static` server (statics are
//! never dropped). Dropping a [`Guarded`] kills the server; for every other way out, each server
//! gets a *watchdog*: a tiny `sh` child that blocks reading a pipe whose only writer is our
//! process. When our process is gone, for whatever reason, the kernel closes the pipe, the
//! watchdog's `read` returns, and it kills the server and removes its folder. Both children run
//! in their own process group, so a Ctrl-C in the terminal reaches only us, not them.

use super::ServiceError;
use std::ffi::OsStr;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a server may take to answer after it was started, on a loaded machine.
pub(crate) const START_TIMEOUT: Duration = Duration::from_secs(60);

/// Where a server binary is: on `PATH`, or in an `sbin` folder that a non-root `PATH` lacks
/// (Debian installs `mariadbd` in `/usr/sbin`).
pub(crate) fn find_binary(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let folders = std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin"].map(PathBuf::from));
    let folders: Vec<PathBuf> = folders.collect();
    names.iter().find_map(|name| {
        folders
            .iter()
            .map(|folder| folder.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// A port on 127.0.0.1 that nobody listens on right now. Another process could take it before
/// the server binds it; starting retries with a new port when that happens.
pub(crate) fn free_port() -> Result<u16, ServiceError> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| ServiceError::Failed(format!("no free port on 127.0.0.1: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| ServiceError::Failed(format!("no free port on 127.0.0.1: {e}")))
}

/// The last lines of a server's log, joined on one line, for an error message.
pub(crate) fn log_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = &lines[lines.len().saturating_sub(5)..];
    if tail.is_empty() {
        format!("{} is empty", path.display())
    } else {
        format!("{} ends: {}", path.display(), tail.join(" | "))
    }
}

/// A running server process with its watchdog.
#[derive(Debug)]
pub(crate) struct Guarded {
    server: Child,
    watchdog: Child,
    /// Held, never written: the watchdog waits for it to close.
    _lifeline: ChildStdin,
}

impl Guarded {
    /// Start `command` (output already redirected by the caller) and a watchdog that kills it
    /// and removes `folder` if our process ends without stopping it.
    pub(crate) fn spawn(mut command: Command, folder: &Path) -> Result<Guarded, ServiceError> {
        let program = command.get_program().to_string_lossy().into_owned();
        let mut server = command
            .stdin(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| ServiceError::Failed(format!("cannot start {program}: {e}")))?;
        let watchdog = Command::new("sh")
            .arg("-c")
            .arg(r#"read _ ; kill -KILL "$1" 2>/dev/null ; rm -rf "$2""#)
            .arg("watchdog")
            .arg(server.id().to_string())
            .arg(folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn();
        let mut watchdog = match watchdog {
            Ok(watchdog) => watchdog,
            Err(e) => {
                let _ = server.kill();
                let _ = server.wait();
                return Err(ServiceError::Failed(format!(
                    "cannot start the watchdog for {program} (sh): {e}"
                )));
            }
        };
        let lifeline = watchdog.stdin.take().expect("stdin was piped");
        Ok(Guarded {
            server,
            watchdog,
            _lifeline: lifeline,
        })
    }

    /// The server, the watchdog and the lifeline, for a test that plays the process dying.
    pub(crate) fn into_parts(self) -> (Child, Child, ChildStdin) {
        (self.server, self.watchdog, self._lifeline)
    }

    /// `Some(status)` once the server has exited on its own.
    pub(crate) fn exited(&mut self) -> Option<String> {
        match self.server.try_wait() {
            Ok(Some(status)) => Some(status.to_string()),
            Ok(None) => None,
            Err(e) => Some(e.to_string()),
        }
    }

    /// Kill the server and wait for it. The watchdog goes first, so it can never act on a
    /// process id the system has reused, nor remove a folder a restarted server still uses.
    pub(crate) fn stop(mut self) {
        let _ = self.watchdog.kill();
        let _ = self.watchdog.wait();
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Poll `ready` until it says yes, the server exits, or [`START_TIMEOUT`] passes.
fn wait_until_ready(
    name: &str,
    process: &mut Guarded,
    log: &Path,
    mut ready: impl FnMut() -> bool,
) -> Result<(), ServiceError> {
    let started = Instant::now();
    loop {
        if let Some(status) = process.exited() {
            return Err(ServiceError::Failed(format!(
                "{name} exited while starting ({status}); {}",
                log_tail(log)
            )));
        }
        if ready() {
            return Ok(());
        }
        if started.elapsed() > START_TIMEOUT {
            return Err(ServiceError::Failed(format!(
                "{name} did not answer within {}s; {}",
                START_TIMEOUT.as_secs(),
                log_tail(log)
            )));
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Start `command` as a [`Guarded`] server in `folder` and wait until `ready` says yes; a
/// server that does not get there is stopped, and the error ends with the tail of its `log`.
pub(crate) fn start_when_ready(
    name: &str,
    command: Command,
    folder: &Path,
    log: &Path,
    ready: impl FnMut() -> bool,
) -> Result<Guarded, ServiceError> {
    let mut guarded = Guarded::spawn(command, folder)?;
    match wait_until_ready(name, &mut guarded, log, ready) {
        Ok(()) => Ok(guarded),
        Err(error) => {
            guarded.stop();
            Err(error)
        }
    }
}

/// Run a short command to completion; its stderr becomes the error.
pub(crate) fn run(mut command: Command, what: &str) -> Result<String, ServiceError> {
    let program = command.get_program().to_owned();
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| ServiceError::Failed(format!("{what}: cannot run {}: {e}", show(&program))))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stdout = String::from_utf8_lossy(&output.stdout);
        let text = if stderr.trim().is_empty() {
            stdout
        } else {
            stderr
        };
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        Err(ServiceError::Failed(format!(
            "{what} failed ({}): {}",
            output.status,
            lines[lines.len().saturating_sub(5)..].join(" | ")
        )))
    }
}

fn show(program: &OsStr) -> String {
    program.to_string_lossy().into_owned()
}

/// Whether this process runs as root (`mariadbd` then needs `--user=root`).
pub(crate) fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_dies_while_starting_gives_the_tail_of_its_log() {
        let folder = tempfile::tempdir().unwrap();
        let log = folder.path().join("server.log");
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(r#"echo "starting" >> "$1"; echo "FATAL: bad option --nope" >> "$1"; exit 1"#)
            .arg("fake-server")
            .arg(&log);
        let error =
            start_when_ready("fake-server", command, folder.path(), &log, || false).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("fake-server exited while starting"),
            "{message}"
        );
        assert!(message.contains("FATAL: bad option --nope"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}
