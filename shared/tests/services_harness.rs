//! The harness for tests that need servers ([`shared::services::run_tests`]) reports them as
//! run when the server is there, ignored when its binary is missing, and failed when it is
//! missing under `REQUIRE_SERVICES=1`; never as passed when they did not run.
//!
//! The "missing" cases run this same executable again with an empty `PATH` (so no
//! `redis-server` is found) and read what it reports.

mod common;

use common::{answers_ping, check, redis_address};
use libtest_mimic::{Failed, Trial};
use shared::services::{Need, missing, redis::RedisServer, required, run_tests};
use std::process::{Command, ExitCode};

const CHILD: &str = "SERVICES_HARNESS_CHILD";

fn main() -> ExitCode {
    if std::env::var_os(CHILD).is_some() {
        // The child: one trial that would pass if it ran.
        return run_tests(&[Need::Redis], vec![Trial::test("would_pass", || Ok(()))]);
    }
    let no_redis = missing(&[Need::Redis]).is_some() && !required();
    run_tests(
        &[],
        vec![
            // Ignored (not passed) without Redis, like any server test.
            Trial::test(
                "the_shared_server_answers_ping",
                the_shared_server_answers_ping,
            )
            .with_ignored_flag(no_redis),
            Trial::test("missing_binaries_make_tests_ignored", || {
                let (success, stdout, stderr) = child(false)?;
                check(success, "a run with ignored tests succeeds")?;
                check(
                    stdout.contains("test would_pass ... ignored")
                        && stdout.contains("0 passed")
                        && stdout.contains("1 ignored"),
                    &format!("reported as ignored, not passed:\n{stdout}"),
                )?;
                check(
                    stderr.contains("redis-server") && stderr.contains("apt-get install"),
                    &format!("one line says what to install:\n{stderr}"),
                )
            }),
            Trial::test("missing_binaries_fail_when_services_are_required", || {
                let (success, stdout, _) = child(true)?;
                check(!success, "the run fails")?;
                check(
                    stdout.contains("test would_pass ... FAILED")
                        && stdout.contains("REQUIRE_SERVICES=1"),
                    &format!("the test fails and says why:\n{stdout}"),
                )
            }),
        ],
    )
}

fn the_shared_server_answers_ping() -> Result<(), Failed> {
    let server = RedisServer::shared()?;
    check(answers_ping(redis_address(server.url())), "PONG")
}

/// Run this executable as the child, with no `redis-server` to be found.
fn child(require: bool) -> Result<(bool, String, String), Failed> {
    let mut command = Command::new(std::env::current_exe()?);
    command
        .env(CHILD, "1")
        .env("PATH", "/nonexistent")
        .env_remove("REDIS_URL")
        .env_remove("REQUIRE_SERVICES");
    if require {
        command.env("REQUIRE_SERVICES", "1");
    }
    let output = command.output()?;
    Ok((
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    ))
}
