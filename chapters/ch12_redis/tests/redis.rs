//! Chapter 12's claims, checked against a real Redis server: `REDIS_URL`, or the private
//! `redis-server` that `shared::services` starts for this test binary (one for all tests;
//! each test writes under its own key prefix). Without `redis-server` the tests are reported
//! as ignored; with `REQUIRE_SERVICES=1` they fail.

mod common;

use ch12_redis::connect::{Keys, connect};
use ch12_redis::{expiry, faults, hashes, lost_updates, pool, pubsub, round_trips, set_get};
use common::test;
use libtest_mimic::Failed;
use redis::AsyncTypedCommands;
use shared::services::redis::{RedisOptions, RedisServer};
use shared::services::{Need, missing, required, run_tests};
use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    // The fault test stops its server: it needs redis-server itself, even with REDIS_URL.
    let no_private_server = missing(&[Need::PrivateRedis]).is_some() && !required();
    run_tests(
        &[Need::Redis],
        vec![
            test(
                "set_get_gives_the_value_and_none_for_a_missing_key",
                set_get_values,
            ),
            test("the_untyped_api_reads_the_annotated_type", untyped),
            test(
                "expiry_reports_time_left_and_removes_the_key",
                expiry_removes,
            ),
            test(
                "hgetall_reads_the_fields_and_an_empty_map_for_no_key",
                hgetall,
            ),
            test(
                "all_three_round_trip_styles_write_every_key",
                round_trips_write,
            ),
            test(
                "a_blpop_blocks_a_shared_connection_but_not_a_pooled_one",
                blpop,
            ),
            test("get_then_set_loses_updates_incr_and_watch_do_not", lost),
            test(
                "pubsub_delivers_in_order_and_unsubscribes_on_drop",
                pubsub_stream,
            ),
            test(
                "clearing_keys_only_touches_the_own_prefix",
                clear_own_prefix,
            ),
            test(
                "a_killed_server_gives_errors_then_recovers_with_every_write",
                faults_recover,
            )
            .with_ignored_flag(no_private_server),
        ],
    )
}

async fn set_get_values(url: String) -> Result<(), Failed> {
    let keys = Keys::new();
    let (found, missing) = set_get::set_get(&url, &keys).await?;
    assert_eq!(found.as_deref(), Some("hello"));
    assert_eq!(missing, None);
    Ok(())
}

async fn untyped(url: String) -> Result<(), Failed> {
    assert_eq!(
        set_get::set_get_untyped(&url, &Keys::new()).await?,
        Some(41)
    );
    Ok(())
}

async fn expiry_removes(url: String) -> Result<(), Failed> {
    let lines = expiry::expiry(&url, &Keys::new(), 100).await?;
    let left: f64 = lines[0]
        .trim_start_matches("PTTL session -> ")
        .trim_end_matches(" s left")
        .parse()?;
    assert!(left > 0.0 && left <= 60.0, "{}", lines[0]);
    assert_eq!(lines[1], "PTTL forever -> no expiry (-1)");
    assert_eq!(lines[2], "PTTL missing -> no such key (-2)");
    assert_eq!(lines[3], "GET token    -> t0k3n");
    assert_eq!(lines[4], "GET token    -> None (after 100 ms)");
    Ok(())
}

async fn hgetall(url: String) -> Result<(), Failed> {
    let (car, missing) = hashes::hashes(&url, &Keys::new()).await?;
    let expected: BTreeMap<String, i64> = [("key1", 1), ("key2", 2), ("key3", 3)]
        .map(|(k, v)| (k.to_owned(), v))
        .into();
    assert_eq!(car, expected);
    assert!(
        missing.is_empty(),
        "HGETALL of no key is an empty map, not an error"
    );
    Ok(())
}

async fn round_trips_write(url: String) -> Result<(), Failed> {
    let n = 200;
    let mut con = connect(&url).await?;
    for style in 0..3 {
        let keys = Keys::new();
        match style {
            0 => round_trips::one_by_one(&url, &keys, n).await?,
            1 => round_trips::pipelined(&url, &keys, n).await?,
            _ => round_trips::from_tasks(&url, &keys, n).await?,
        };
        let names: Vec<String> = (0..n).map(|i| keys.key(&format!("k{i}"))).collect();
        let values = con.mget(&names).await?;
        let expected: Vec<Option<String>> = (0..n).map(|i| Some(i.to_string())).collect();
        assert_eq!(values, expected, "style {style}");
    }
    Ok(())
}

async fn blpop(url: String) -> Result<(), Failed> {
    let block = Duration::from_millis(300);
    let keys = Keys::new();
    let shared = pool::ping_behind_blpop_shared(&url, &keys, block).await?;
    assert!(
        !shared.blpop_still_blocked,
        "on one connection the PING is answered only after the BLPOP"
    );
    // The reply cannot come before the BLPOP times out (it was sent 20 ms after it).
    assert!(
        shared.waited >= block - Duration::from_millis(40),
        "{shared:?}"
    );
    let pooled = pool::ping_beside_blpop_pooled(&url, &keys, block).await?;
    assert!(
        pooled.blpop_still_blocked,
        "on its own pooled connection the PING is answered while the BLPOP waits"
    );
    Ok(())
}

async fn lost(url: String) -> Result<(), Failed> {
    assert_eq!(
        lost_updates::get_then_set(&url, &Keys::new(), 100).await?,
        1
    );
    assert_eq!(lost_updates::incr(&url, &Keys::new(), 100).await?, 100);
    let (value, _retries) = lost_updates::watch_multi_exec(&url, &Keys::new(), 100).await?;
    assert_eq!(value, 100);
    Ok(())
}

async fn pubsub_stream(url: String) -> Result<(), Failed> {
    let channel = Keys::new().key("news");
    let mut con = connect(&url).await?;
    let listener = pubsub::subscriber(&url, channel.clone()).await?;
    assert_eq!(pubsub::subscribers(&mut con, &channel).await?, 1);
    for text in ["a", "b", "stop", "after stop"] {
        con.publish(&channel, text).await?;
    }
    assert_eq!(listener.await?, ["a", "b", "stop"]);
    assert_eq!(pubsub::until_unsubscribed(&mut con, &channel).await?, 0);
    Ok(())
}

async fn clear_own_prefix(url: String) -> Result<(), Failed> {
    let (mine, theirs) = (Keys::new(), Keys::new());
    let mut con = connect(&url).await?;
    con.set(mine.key("a"), 1).await?;
    con.set(theirs.key("a"), 2).await?;
    mine.clear(&mut con).await?;
    assert_eq!(con.get(mine.key("a")).await?, None);
    assert_eq!(con.get(theirs.key("a")).await?.as_deref(), Some("2"));
    theirs.clear(&mut con).await?;
    Ok(())
}

async fn faults_recover(_: String) -> Result<(), Failed> {
    let server = RedisServer::start_private(RedisOptions::append_only())?;
    let report = faults::crash_and_restart(&server, &Keys::new(), 500)
        .await
        .map_err(|e| e.to_string())?;
    let (error, after) = &report.while_down;
    assert_eq!(faults::kind(error), "the server is unreachable", "{error}");
    // An error, not a hang: it comes well within the timeouts (2 s), however loaded the machine.
    assert!(*after < Duration::from_secs(10), "{after:?}");
    assert_eq!(
        report.survived, 500,
        "every acknowledged write survives the crash"
    );
    Ok(())
}
