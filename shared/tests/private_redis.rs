//! A private Redis server answers, stops, restarts on the same port, and leaves nothing behind:
//! neither when it is dropped, nor when the process that started it dies without dropping it
//! (the watchdog's job). Run through the services harness: ignored without `redis-server`,
//! failed with `REQUIRE_SERVICES=1`.

mod common;

use common::{answers_ping, check, redis_address};
use libtest_mimic::{Failed, Trial};
use shared::services::redis::{RedisOptions, RedisServer};
use shared::services::{Need, run_tests};
use std::process::ExitCode;

fn main() -> ExitCode {
    run_tests(
        &[Need::PrivateRedis],
        vec![
            Trial::test(
                "a_private_server_answers_stops_restarts_and_is_removed_when_dropped",
                answers_stops_restarts_and_is_removed,
            ),
            Trial::test(
                "the_watchdog_cleans_up_after_a_process_that_never_dropped_its_server",
                the_watchdog_cleans_up,
            ),
        ],
    )
}

fn answers_stops_restarts_and_is_removed() -> Result<(), Failed> {
    let server = RedisServer::start_private(RedisOptions::default())?;
    let address = redis_address(server.url()).to_owned();
    check(answers_ping(&address), "a started server answers PING")?;
    let folder = server.folder().ok_or("a private server has a folder")?;
    check(
        folder.join("redis.log").exists(),
        "the server logs into its folder",
    )?;
    server.stop()?;
    check(!answers_ping(&address), "a stopped server does not answer")?;
    server.restart()?;
    check(
        answers_ping(&address),
        "the restarted server answers on the same port",
    )?;
    drop(server);
    check(!answers_ping(&address), "a dropped server does not answer")?;
    check(
        !folder.exists(),
        &format!("a dropped server leaves no {}", folder.display()),
    )
}

fn the_watchdog_cleans_up() -> Result<(), Failed> {
    let server = RedisServer::start_private(RedisOptions::default())?;
    let address = redis_address(server.url()).to_owned();
    let folder = server.folder().ok_or("a private server has a folder")?;
    // Close the lifeline without the orderly stop, as the kernel does when we die.
    let (mut server_process, mut watchdog) = server.abandon()?;
    watchdog.wait()?;
    server_process.wait()?;
    check(!answers_ping(&address), "the watchdog killed the server")?;
    check(
        !folder.exists(),
        &format!("the watchdog removed {}", folder.display()),
    )
}
