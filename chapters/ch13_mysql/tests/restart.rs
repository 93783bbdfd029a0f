//! A server stopped under a pool, then restarted: `PoolTimedOut` while it is down, and the
//! pool reconnects by itself. Needs a server of its own (`mariadbd` installed), whatever
//! `DATABASE_URL` says.

mod common;

use ch13_mysql::pool::through_a_restart;
use common::check;
use libtest_mimic::{Failed, Trial};
use shared::services::mariadb::MariaDbServer;
use shared::services::{Need, run_tests};
use sqlx::mysql::MySqlPoolOptions;
use std::time::Duration;

fn main() -> std::process::ExitCode {
    run_tests(
        &[Need::PrivateMariaDb],
        vec![Trial::test(
            "a_pool_times_out_while_the_server_is_down_and_recovers_after",
            a_pool_times_out_while_the_server_is_down_and_recovers_after,
        )],
    )
}

fn a_pool_times_out_while_the_server_is_down_and_recovers_after() -> Result<(), Failed> {
    let server = MariaDbServer::start_private()?;
    let runtime = shared::runtime::real_time();
    let wait = Duration::from_millis(500);
    let pool = runtime.block_on(
        MySqlPoolOptions::new()
            .max_connections(2)
            .acquire_timeout(wait)
            .connect(server.url()),
    )?;
    let [before, down, after] = through_a_restart(&server, &runtime, &pool)?;
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
