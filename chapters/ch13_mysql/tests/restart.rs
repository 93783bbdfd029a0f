//! A server stopped under a pool, then restarted: `PoolTimedOut` while it is down, and the
//! pool reconnects by itself. Needs a server of its own (`mariadbd` installed), whatever
//! `DATABASE_URL` says.

mod common;

use ch13_mysql::pool::through_a_restart;
use common::check;
use libtest_mimic::{Failed, Trial};
use shared::services::ServiceError;
use shared::services::mariadb::MariaDbServer;
use sqlx::mysql::MySqlPoolOptions;
use std::sync::OnceLock;
use std::time::Duration;

/// The test's own server, started once by `main`.
static SERVER: OnceLock<Result<MariaDbServer, ServiceError>> = OnceLock::new();

fn main() -> std::process::ExitCode {
    let trial = Trial::test(
        "a_pool_times_out_while_the_server_is_down_and_recovers_after",
        a_pool_times_out_while_the_server_is_down_and_recovers_after,
    );
    // With DATABASE_URL set, the harness sees no missing server, but this test needs
    // binaries to start one of its own: not run without them (a failure under CI's
    // REQUIRE_SERVICES=1, when the test itself reports the error).
    let server = SERVER.get_or_init(MariaDbServer::start_private);
    let trial = match server {
        Err(why) if why.is_missing() && !shared::services::required() => {
            eprintln!("not run: this test {why}");
            trial.with_ignored_flag(true)
        }
        _ => trial,
    };
    common::run(vec![trial])
}

fn a_pool_times_out_while_the_server_is_down_and_recovers_after() -> Result<(), Failed> {
    let server = SERVER
        .get()
        .ok_or("main starts the server")?
        .as_ref()
        .map_err(|e| e.to_string())?;
    let runtime = shared::runtime::real_time();
    let wait = Duration::from_millis(500);
    let pool = runtime.block_on(
        MySqlPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(wait)
            .connect(server.url()),
    )?;
    let [before, down, after] = through_a_restart(server, &runtime, &pool)?;
    check(matches!(before.0, Ok(1)), format!("before: {:?}", before.0))?;
    check(
        matches!(down.0, Err(sqlx::Error::PoolTimedOut)),
        format!("while down: {:?}", down.0),
    )?;
    check(down.1 >= wait, format!("gave up after {:?}", down.1))?;
    check(
        matches!(after.0, Ok(1)),
        format!("after the restart: {:?}", after.0),
    )
}
