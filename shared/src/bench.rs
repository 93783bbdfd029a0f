//! What a benchmark row is, so that every chapter can add its own and one runner measures them
//! all (`just bench`).
//!
//! A chapter that makes a performance claim owns a row: one small function in its
//! `src/bench.rs` returning [`Row`]s. A row names one figure ("100k tasks spawn + one yield")
//! and lists its [`Variant`]s: the Rust code, and the chapter's own Python counterparts
//! (asyncio, uvloop, threads, …) run through [`python`]. The runner (in the `tests` crate)
//! warms each variant up, repeats it, and reports median and min–max side by side, with the
//! ratio to the first Python variant and the physical bound when the row has one.
//!
//! Each call of a variant is one measurement and returns one number in the row's [`Unit`].

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

/// How big a run is: `Full` for `just bench`, `Quick` for CI (`just bench --quick`), where
/// every row runs once at small sizes so the suite cannot rot. Never assert a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The sizes the book's figures are measured at.
    Full,
    /// Small sizes, one repetition: proves the row still runs.
    Quick,
}

impl Scale {
    /// `full` at [`Scale::Full`], `quick` otherwise: `scale.pick(100_000, 1_000)`.
    pub fn pick<T>(self, full: T, quick: T) -> T {
        match self {
            Scale::Full => full,
            Scale::Quick => quick,
        }
    }
}

/// The unit of a row's numbers, and which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Wall-clock seconds; lower is better.
    Seconds,
    /// CPU seconds (user + system) of the measured process; lower is better.
    CpuSeconds,
    /// Nanoseconds per operation; lower is better.
    NanosPerOp,
    /// Operations (requests, pages, commands) per second; higher is better.
    PerSecond,
    /// Bytes (per task, per connection, peak); lower is better.
    Bytes,
}

impl Unit {
    /// Whether a larger number is better (throughput) rather than worse (time, memory).
    pub fn higher_is_better(self) -> bool {
        matches!(self, Unit::PerSecond)
    }

    /// The short symbol printed after a number.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Seconds => "s",
            Unit::CpuSeconds => "s CPU",
            Unit::NanosPerOp => "ns/op",
            Unit::PerSecond => "/s",
            Unit::Bytes => "B",
        }
    }
}

/// What one measurement of a variant gives: a number in the row's unit, or why it could not run.
pub type Measurement = Result<f64, BenchError>;

/// One implementation of a row's workload.
pub struct Variant {
    /// `Rust`, `asyncio`, `uvloop`, `threads`, `greenlet`, `aiohttp`, `FastAPI`, …
    pub label: &'static str,
    /// Take one measurement.
    pub run: Box<dyn Fn(Scale) -> Measurement + Send + Sync>,
}

impl Variant {
    /// A variant measured by `run`.
    pub fn new(
        label: &'static str,
        run: impl Fn(Scale) -> Measurement + Send + Sync + 'static,
    ) -> Self {
        Variant {
            label,
            run: Box::new(run),
        }
    }
}

impl fmt::Debug for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Variant")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// One figure of the benchmark table.
#[derive(Debug)]
pub struct Row {
    /// `ch11/spawn_yield`: the chapter's short name and the row's own; the results file and
    /// the book's include anchors use it.
    pub id: &'static str,
    /// What is measured, as the table prints it: `100k tasks spawn + one yield`.
    pub figure: &'static str,
    /// The unit of every variant's numbers.
    pub unit: Unit,
    /// The physical bound in the same unit, when there is one (1.00 s for 200 URLs of 100 ms,
    /// 20 at a time).
    pub bound: Option<f64>,
    /// The goal the project set for this row, as text: `≥ 25× uvloop`.
    pub goal: Option<&'static str>,
    /// Rust first, then the Python counterparts.
    pub variants: Vec<Variant>,
}

/// One lane of a timeline picture (the runner draws them, e.g. ch01's five crawl strategies):
/// every request's start and end, in seconds since the lane's run started.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// What ran: `a pool of 4 threads`.
    pub label: String,
    /// `(start, end)` of each request, in seconds.
    pub spans: Vec<(f64, f64)>,
}

/// Why a measurement could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchError(pub String);

impl fmt::Display for BenchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BenchError {}

/// How a [`BenchError`] from [`unavailable`] starts.
const UNAVAILABLE: &str = "unavailable: ";

/// The error of a row whose service (Redis, MariaDB, …) is not there: the runner reports the
/// row as skipped, not failed, unless `REQUIRE_SERVICES=1`.
pub fn unavailable(why: impl fmt::Display) -> BenchError {
    BenchError(format!("{UNAVAILABLE}{why}"))
}

impl BenchError {
    /// Whether this is a missing service ([`unavailable`]) rather than a failure.
    pub fn is_unavailable(&self) -> bool {
        self.0.starts_with(UNAVAILABLE)
    }
}

/// CPU time (user + system, every thread) this process has used so far: what a row's
/// [`Unit::CpuSeconds`] measure, as a difference of two calls. Microsecond resolution.
pub fn process_cpu_time() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `getrusage` only writes a `rusage` into the pointer we pass, which is valid.
    let status = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
    assert_eq!(status, 0, "getrusage(RUSAGE_SELF) cannot fail");
    // SAFETY: zero-initialised, then filled in by a successful `getrusage`.
    let usage = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The variable that tells a re-started benchmark executable to be a fixture server.
const FIXTURE_ENV: &str = "SHARED_BENCH_FIXTURE_SERVER";

/// A server in a child process, so that the CPU time of a client measured in this process
/// does not include the server's: a [`crate::FixtureServer`] ([`ServerProcess::start`]), or
/// any program that prints its URL ([`ServerProcess::spawn`]). Dropping it stops the server.
#[derive(Debug)]
pub struct ServerProcess {
    child: Child,
    /// Kept open, so that the server can still print after its URL line.
    _stdout: BufReader<ChildStdout>,
    base: String,
}

impl ServerProcess {
    /// Start a fixture server answering after `latency` with `size` bytes.
    ///
    /// The executable must call [`serve_fixture_if_asked`] first thing in `main`.
    pub fn start(latency: Duration, size: usize) -> Result<ServerProcess, BenchError> {
        let exe = std::env::current_exe()
            .map_err(|e| BenchError(format!("cannot start the fixture server: {e}")))?;
        let mut command = Command::new(exe);
        command.env(FIXTURE_ENV, format!("{},{size}", latency.as_millis()));
        ServerProcess::spawn(command)
            .map_err(|e| BenchError(format!("{e} (does main call serve_fixture_if_asked?)")))
    }

    /// Start `command`, a server that prints its URL (`http://…`, the first such word of its
    /// first line of output) and stops on Ctrl-C (SIGINT) or when its stdin closes.
    pub fn spawn(mut command: Command) -> Result<ServerProcess, BenchError> {
        let fail = |e: std::io::Error| BenchError(format!("cannot start a server process: {e}"));
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(fail)?;
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = String::new();
        stdout.read_line(&mut line).map_err(fail)?;
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"));
        let Some(url) = url else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(BenchError(format!(
                "the server process printed {:?}, not its URL",
                line.trim()
            )));
        };
        let base = url.trim_end_matches('/').to_owned();
        Ok(ServerProcess {
            child,
            _stdout: stdout,
            base,
        })
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        drop(self.child.stdin.take()); // a fixture server's stdin closes: it exits
        if let Ok(pid) = libc::pid_t::try_from(self.child.id()) {
            // SAFETY: `kill` only sends a signal, to our own child, which we have not reaped.
            unsafe { libc::kill(pid, libc::SIGINT) };
        }
        if self.child.wait().is_err() {
            let _ = self.child.kill();
        }
    }
}

/// If this process was started by [`ServerProcess::start`], serve until the parent closes
/// our stdin, then return `true`: `main` should exit. Otherwise return `false` at once.
pub fn serve_fixture_if_asked() -> bool {
    let Ok(spec) = std::env::var(FIXTURE_ENV) else {
        return false;
    };
    let (latency, size) = spec
        .split_once(',')
        .and_then(|(l, s)| Some((l.parse().ok()?, s.parse().ok()?)))
        .expect("ServerProcess::start passes LATENCY_MS,SIZE");
    let server = crate::FixtureServer::builder()
        .latency(Duration::from_millis(latency))
        .size(size)
        .start();
    println!("{}", server.url(""));
    // Block until the parent closes the pipe (or dies).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    true
}

/// The workspace's top folder (where `Cargo.toml`, `.venv` and `chapters/` are).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the shared crate sits one level below the workspace root")
        .to_path_buf()
}

/// The project's Python: `.venv/bin/python` when it exists (what `just parity` and `just bench`
/// create), `python3` otherwise.
pub fn python_interpreter() -> PathBuf {
    let venv = workspace_root().join(".venv/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

/// Run a chapter's Python benchmark script and read its measurement: the last line it prints
/// on stdout, a plain number in the row's unit.
///
/// `script` is relative to the workspace root (`chapters/ch11_runtimes/python/bench_spawn.py`);
/// `envs` passes what the script needs (a server's URL). A script that fails gives its stderr's
/// last lines as the error.
pub fn python(script: &str, args: &[&str], envs: &[(&str, &str)]) -> Measurement {
    let root = workspace_root();
    let output = Command::new(python_interpreter())
        .arg(root.join(script))
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(&root)
        .output()
        .map_err(|e| BenchError(format!("cannot run Python for {script}: {e}")))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        return Err(BenchError(format!(
            "{script} failed ({}): {}",
            output.status,
            tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
        )));
    }
    let last = stdout.lines().rev().find(|l| !l.trim().is_empty());
    last.and_then(|l| l.trim().parse::<f64>().ok())
        .ok_or_else(|| BenchError(format!("{script} printed no number on its last line")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_picks_the_size() {
        assert_eq!(Scale::Full.pick(100_000, 10), 100_000);
        assert_eq!(Scale::Quick.pick(100_000, 10), 10);
    }

    #[test]
    fn python_reads_the_last_number_and_reports_failures() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok.py");
        std::fs::write(&ok, "print('warming up')\nprint(1.5)\n").unwrap();
        assert_eq!(python(ok.to_str().unwrap(), &[], &[]), Ok(1.5));
        let bad = dir.path().join("bad.py");
        std::fs::write(&bad, "raise SystemExit('no server')\n").unwrap();
        let error = python(bad.to_str().unwrap(), &[], &[]).unwrap_err();
        assert!(error.0.contains("no server"), "{error}");
    }
}
