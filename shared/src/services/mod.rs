//! Real Redis and MariaDB servers that the project starts itself, and the test harness for
//! tests that need them.
//!
//! The Redis and MySQL chapters talk to real servers, with nothing for the reader to set up:
//!
//! - [`redis::RedisServer::shared`] and [`mariadb::MariaDbServer::shared`] give one server per
//!   process: the reader's own when `REDIS_URL` / `DATABASE_URL` is set, otherwise a private
//!   one started from `redis-server` / `mariadbd` on a free 127.0.0.1 port in a temporary
//!   folder. Private servers are stopped and their folder removed when the process ends, also
//!   when a test panics or the process is killed (see `process.rs`: a watchdog per server).
//! - Tests isolate themselves by key prefix ([`unique_prefix`]) or database ([`unique_name`] +
//!   [`mariadb::MariaDbServer::create_database`]), never touching anything else on a reader's
//!   server.
//! - Without the binaries, a tour section prints one line saying what to install and the tour
//!   exits 2 ([`or_exit`], `RedisServer::shared_or_exit`); a test is reported as *ignored*,
//!   never as passed; with `REQUIRE_SERVICES=1` (CI) it fails instead.
//!
//! # Writing a test file that needs a server
//!
//! Such a file uses [`run_tests`] as its harness. In the chapter's `Cargo.toml`:
//!
//! ```toml
//! [[test]]
//! name = "redis"
//! harness = false
//!
//! [dev-dependencies]
//! libtest-mimic = { workspace = true }
//! ```
//!
//! and in `tests/redis.rs`:
//!
//! ```no_run
//! use libtest_mimic::{Failed, Trial};
//! use shared::services::{Need, redis::RedisServer, run_tests, unique_prefix};
//!
//! fn main() -> std::process::ExitCode {
//!     run_tests(&[Need::Redis], vec![Trial::test("set_then_get", set_then_get)])
//! }
//!
//! fn set_then_get() -> Result<(), Failed> {
//!     let server = RedisServer::shared()?;
//!     let key = format!("{}greeting", unique_prefix("ch12"));
//!     // … connect to server.url(), SET key, GET key, compare; `Err("…".into())` fails.
//!     Ok(())
//! }
//! ```
//!
//! `cargo test` then prints `test set_then_get ... ignored` and one line naming what to
//! install when `redis-server` is missing, and runs the tests when it is there.

pub mod mariadb;
mod private;
mod process;
pub mod redis;

use libtest_mimic::{Arguments, Trial};
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::BuildHasher;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

/// The install commands every "missing binaries" message names.
pub const INSTALL_HINT: &str = "install them with `sudo apt-get install redis-server mariadb-server` (Debian/Ubuntu) or `brew install redis mariadb` (macOS), or `just services`";

/// Why a server is not available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceError {
    /// The server binaries are not installed (and no `REDIS_URL` / `DATABASE_URL` is set).
    Missing(Vec<&'static str>),
    /// A server did not start or a setup step failed: the message ends with the tail of its log.
    Failed(String),
    /// Something only a private server can do (stop it, create a user) was asked of the
    /// reader's own server.
    NotPrivate(String),
}

impl ServiceError {
    /// Whether this is "not installed" (a skip) rather than a real failure.
    pub fn is_missing(&self) -> bool {
        matches!(self, ServiceError::Missing(_))
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServiceError::Missing(binaries) => write!(
                f,
                "needs {} (not found on PATH): {INSTALL_HINT}",
                binaries.join(" and ")
            ),
            ServiceError::Failed(message) | ServiceError::NotPrivate(message) => {
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for ServiceError {}

/// Whether a missing server is a failure rather than a skip: `REQUIRE_SERVICES=1` (CI).
pub fn required() -> bool {
    std::env::var("REQUIRE_SERVICES").is_ok_and(|v| v == "1")
}

/// What a test file or a tour section needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// [`redis::RedisServer::shared`]: `REDIS_URL`, or `redis-server` installed.
    Redis,
    /// [`redis::RedisServer::start_private`] (a server to stop and restart): `redis-server`
    /// installed, whatever `REDIS_URL` says.
    PrivateRedis,
    /// [`mariadb::MariaDbServer::shared`]: `DATABASE_URL`, or MariaDB's server installed.
    MariaDb,
    /// [`mariadb::MariaDbServer::start_private`] (a server to stop and restart): MariaDB's
    /// server installed, whatever `DATABASE_URL` says.
    PrivateMariaDb,
}

/// Why `needs` cannot be met on this machine, if they cannot: every missing binary, named.
pub fn missing(needs: &[Need]) -> Option<ServiceError> {
    let mut binaries: Vec<&'static str> = Vec::new();
    for need in needs {
        let lacking: &[&'static str] = match need {
            Need::Redis if std::env::var_os(redis::URL_VAR).is_some() => &[],
            Need::Redis | Need::PrivateRedis => redis::missing_binaries(),
            Need::MariaDb if std::env::var_os(mariadb::URL_VAR).is_some() => &[],
            Need::MariaDb | Need::PrivateMariaDb => mariadb::missing_binaries(),
        };
        for binary in lacking {
            if !binaries.contains(binary) {
                binaries.push(binary);
            }
        }
    }
    (!binaries.is_empty()).then_some(ServiceError::Missing(binaries))
}

/// For tours: the value, or print the error in one line and exit with status 2.
pub fn or_exit<T>(result: Result<T, ServiceError>) -> T {
    match result {
        Ok(value) => value,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2)
        }
    }
}

/// Run `trials` (libtest-mimic tests) that need `needs`, as a test file's `main`.
///
/// When the needs are met the trials run as usual. When a binary is missing, every trial is
/// reported as ignored, after one line saying what to install; with `REQUIRE_SERVICES=1`
/// every trial fails with that line instead. The shared servers are stopped at the end.
pub fn run_tests(needs: &[Need], trials: Vec<Trial>) -> ExitCode {
    let arguments = Arguments::from_args();
    let trials = match missing(needs) {
        None => trials,
        Some(error) if required() => trials
            .into_iter()
            .map(|trial| {
                let message = format!("REQUIRE_SERVICES=1, but this test {error}");
                Trial::test(trial.name().to_owned(), move || Err(message.into()))
            })
            .collect(),
        Some(error) => {
            eprintln!("not run: each test here {error}");
            trials
                .into_iter()
                .map(|trial| trial.with_ignored_flag(true))
                .collect()
        }
    };
    let conclusion = libtest_mimic::run(&arguments, trials);
    stop_shared();
    conclusion.exit_code()
}

/// Stop the process-wide servers now rather than when the process ends (their watchdogs
/// would do it then). Later calls to `shared()` give an error.
pub fn stop_shared() {
    redis::stop_shared();
    mariadb::stop_shared();
}

/// A key prefix no other test, run or process uses: `ch12:4242-7-1f9c0a3b:`. Put every key a
/// test writes under it, so tests never see each other's data, even on a reader's server.
pub fn unique_prefix(chapter: &str) -> String {
    format!("{chapter}:{}:", unique_suffix("-"))
}

/// A name no other test, run or process uses, fit for an SQL identifier: `ch13_4242_7_1f9c0a3b`.
pub fn unique_name(chapter: &str) -> String {
    format!("{chapter}_{}", unique_suffix("_"))
}

fn unique_suffix(separator: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let noise = RandomState::new().hash_one(n) as u32;
    format!("{}{separator}{n}{separator}{noise:08x}", std::process::id())
}

/// A password nobody can guess, made from the standard library's random hash keys.
fn generated_password() -> String {
    let state = RandomState::new();
    format!("{:016x}{:016x}", state.hash_one(1u8), state.hash_one(2u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_names_never_repeat() {
        let a = unique_prefix("ch12");
        let b = unique_prefix("ch12");
        assert_ne!(a, b);
        assert!(a.starts_with("ch12:") && a.ends_with(':'), "{a}");
        let name = unique_name("ch13");
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && name.len() <= 64,
            "{name}"
        );
    }

    #[test]
    fn a_missing_binary_names_it_and_the_install_commands() {
        let message = ServiceError::Missing(vec!["redis-server"]).to_string();
        assert!(message.contains("redis-server"), "{message}");
        assert!(message.contains("sudo apt-get install redis-server mariadb-server"));
        assert!(message.contains("brew install redis mariadb"));
        assert_eq!(message.lines().count(), 1);
    }

    #[test]
    fn passwords_differ() {
        assert_ne!(generated_password(), generated_password());
        assert_eq!(generated_password().len(), 32);
    }
}
