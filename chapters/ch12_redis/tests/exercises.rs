//! Chapter 12's exercises, against a real Redis server (ignored without `redis-server`).
//! These run against the reference solutions by default and against your attempts with
//! `just exercise ch12` (`--features attempt`).

mod common;

use ch12_redis::connect::{Keys, connect};
use ch12_redis::exercises::{allow, get_or_compute};
use common::test;
use libtest_mimic::Failed;
use redis::AsyncTypedCommands;
use shared::services::{Need, run_tests};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

fn main() -> ExitCode {
    run_tests(
        &[Need::Redis],
        vec![
            test(
                "rate_limiter_allows_the_limit_then_refuses",
                limit_then_refuse,
            ),
            test(
                "rate_limiter_counter_expires_with_the_window",
                counter_expires,
            ),
            test(
                "rate_limiter_admits_exactly_the_limit_from_50_tasks",
                concurrent_limit,
            ),
            test(
                "get_or_compute_computes_once_then_reads_the_cache",
                computes_once,
            ),
            test("get_or_compute_caches_with_the_ttl", caches_with_ttl),
            test(
                "get_or_compute_returns_what_is_already_cached",
                already_cached,
            ),
        ],
    )
}

const WINDOW: Duration = Duration::from_secs(60);

async fn limit_then_refuse(url: String) -> Result<(), Failed> {
    let mut con = connect(&url).await?;
    let key = Keys::new().key("user:7");
    let mut answers = Vec::new();
    for _ in 0..5 {
        answers.push(allow(&mut con, &key, 3, WINDOW).await?);
    }
    assert_eq!(answers, [true, true, true, false, false]);
    Ok(())
}

async fn counter_expires(url: String) -> Result<(), Failed> {
    let mut con = connect(&url).await?;
    let key = Keys::new().key("user:8");
    allow(&mut con, &key, 3, WINDOW).await?;
    let after_first = con.pttl(&key).await?.raw();
    assert!(
        after_first > 0 && after_first <= 60_000,
        "the counter must expire with the window (PTTL {after_first})"
    );
    // Later requests in the same window must not push the expiry back.
    redis::cmd("PEXPIRE")
        .arg(&key)
        .arg(30_000)
        .exec_async(&mut con)
        .await?;
    allow(&mut con, &key, 3, WINDOW).await?;
    let after_second = con.pttl(&key).await?.raw();
    assert!(
        after_second <= 30_000,
        "a later request moved the window (PTTL {after_second})"
    );
    Ok(())
}

async fn concurrent_limit(url: String) -> Result<(), Failed> {
    let con = connect(&url).await?;
    let key = Keys::new().key("user:9");
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (mut con, key) = (con.clone(), key.clone());
        tasks.spawn(async move { allow(&mut con, &key, 10, WINDOW).await });
    }
    let mut allowed = 0;
    while let Some(answer) = tasks.join_next().await {
        allowed += usize::from(answer??);
    }
    assert_eq!(
        allowed, 10,
        "exactly the limit is admitted, however many ask at once"
    );
    Ok(())
}

async fn computes_once(url: String) -> Result<(), Failed> {
    let mut con = connect(&url).await?;
    let key = Keys::new().key("report");
    let calls = Arc::new(AtomicUsize::new(0));
    for _ in 0..3 {
        let calls = calls.clone();
        let value = get_or_compute(&mut con, &key, WINDOW, || async move {
            calls.fetch_add(1, Ordering::SeqCst);
            "expensive".to_owned()
        })
        .await?;
        assert_eq!(value, "expensive");
    }
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "computed on the first miss only"
    );
    Ok(())
}

async fn caches_with_ttl(url: String) -> Result<(), Failed> {
    let mut con = connect(&url).await?;
    let key = Keys::new().key("report");
    get_or_compute(&mut con, &key, Duration::from_secs(30), || async {
        "v".to_owned()
    })
    .await?;
    assert_eq!(
        con.get(&key).await?.as_deref(),
        Some("v"),
        "the value is cached in Redis"
    );
    let left = con.pttl(&key).await?.raw();
    assert!(
        left > 0 && left <= 30_000,
        "cached with the ttl (PTTL {left})"
    );
    Ok(())
}

async fn already_cached(url: String) -> Result<(), Failed> {
    let mut con = connect(&url).await?;
    let key = Keys::new().key("report");
    con.set(&key, "from before").await?;
    let value = get_or_compute(&mut con, &key, WINDOW, || async {
        panic!("compute must not run when the value is cached")
    })
    .await?;
    assert_eq!(value, "from before");
    Ok(())
}
