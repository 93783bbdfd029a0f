//! The endpoints that talk to Redis, against a real server (`REDIS_URL`, or a private
//! `redis-server`): `/red`'s hash, the cars resource, one connection for many requests, and a
//! Redis restart survived (503 while it is down, 200 again after).

mod common;

use ch14_web::server::Running;
use ch14_web::state::{Settings, remove_keys};
use common::call;
use libtest_mimic::{Failed, Trial};
use serde_json::json;
use shared::services::redis::{RedisOptions, RedisServer};
use shared::services::{Need, run_tests, unique_prefix};
use std::time::{Duration, Instant};

fn main() -> std::process::ExitCode {
    run_tests(
        &[Need::Redis, Need::PrivateRedis],
        vec![
            Trial::test("red_writes_the_hash_and_returns_it", red_writes_the_hash),
            Trial::test("cars_are_stored_fetched_and_paged", cars_are_stored),
            Trial::test("many_requests_share_one_redis_connection", one_connection),
            Trial::test("a_redis_restart_is_503_then_200_again", redis_restart),
        ],
    )
}

fn settings() -> Settings {
    Settings {
        key_prefix: unique_prefix("ch14"),
        ..Settings::default()
    }
}

/// Run `check` against a service with keys of its own on the shared Redis; remove the keys
/// afterwards, pass or fail.
fn with_service(check: impl FnOnce(&str) -> Result<(), Failed>) -> Result<(), Failed> {
    let redis = RedisServer::shared()?.url();
    let settings = settings();
    let prefix = settings.key_prefix.clone();
    let service = Running::start(redis, settings)?;
    let outcome = check(&service.url());
    remove_keys(redis, &prefix)?;
    outcome
}

fn red_writes_the_hash() -> Result<(), Failed> {
    with_service(|url| {
        let (status, body) = call(url, "GET", "/red?wait_ms=0", None);
        assert_eq!(status, 200);
        assert_eq!(body, json!({"key1": "1", "key2": "2", "key3": "3"}));
        Ok(())
    })
}

fn cars_are_stored() -> Result<(), Failed> {
    with_service(cars_are_stored_at)
}

fn cars_are_stored_at(url: &str) -> Result<(), Failed> {
    let url = url.to_string();
    let names = ["Model T", "Beetle", "Mini"];
    for (i, name) in names.iter().enumerate() {
        let car = format!(r#"{{"name": "{name}", "price": {}}}"#, 1000 + i);
        let (status, body) = call(&url, "POST", "/cars", Some(&car));
        assert_eq!(status, 201);
        assert_eq!(
            body,
            json!({"id": i + 1, "name": name, "price": 1000.0 + i as f64})
        );
    }
    let (status, body) = call(&url, "GET", "/cars/2", None);
    assert_eq!((status, &body["name"]), (200, &json!("Beetle")));
    let (status, body) = call(&url, "GET", "/cars/4", None);
    assert_eq!((status, body), (404, json!({"detail": "Car not found"})));
    let (_, page) = call(&url, "GET", "/cars?limit=2&offset=1", None);
    let ids: Vec<&serde_json::Value> = page.as_array().unwrap().iter().map(|c| &c["id"]).collect();
    assert_eq!(ids, [&json!(2), &json!(3)]);
    let (_, all) = call(&url, "GET", "/cars", None);
    assert_eq!(all.as_array().unwrap().len(), 3);
    let (_, past_the_end) = call(&url, "GET", "/cars?offset=3", None);
    assert_eq!(past_the_end, json!([]));
    Ok(())
}

/// Redis's count of connected clients.
fn connected_clients(url: &str) -> Result<u64, Failed> {
    let info: String = redis::cmd("INFO")
        .arg("clients")
        .query(&mut redis::Client::open(url)?.get_connection()?)?;
    let line = info
        .lines()
        .find_map(|l| l.strip_prefix("connected_clients:"))
        .ok_or("no connected_clients in INFO")?;
    Ok(line.trim().parse()?)
}

fn one_connection() -> Result<(), Failed> {
    let redis = RedisServer::start_private(RedisOptions::default())?;
    let service = Running::start(redis.url(), settings())?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let statuses = runtime.block_on(async {
        let client = reqwest::Client::new();
        let requests = (0..50).map(|_| {
            let client = client.clone();
            let url = format!("{}/red?wait_ms=100", service.url());
            async move { client.get(url).send().await.map(|r| r.status().as_u16()) }
        });
        futures::future::join_all(requests).await
    });
    assert!(
        statuses.iter().all(|s| s.as_ref().is_ok_and(|s| *s == 200)),
        "{statuses:?}"
    );
    // 50 requests at once went through one multiplexed connection (+1: this check's own).
    assert_eq!(connected_clients(redis.url())?, 2);
    Ok(())
}

fn redis_restart() -> Result<(), Failed> {
    let redis = RedisServer::start_private(RedisOptions::default())?;
    let service = Running::start(redis.url(), settings())?;
    let url = service.url();
    assert_eq!(call(&url, "GET", "/red?wait_ms=0", None).0, 200);
    redis.stop()?;
    let (status, body) = call(&url, "GET", "/red?wait_ms=0", None);
    assert_eq!(
        (status, body),
        (503, json!({"detail": "Redis is unavailable"}))
    );
    assert_eq!(
        call(&url, "GET", "/", None).0,
        200,
        "GET / does not need Redis"
    );
    redis.restart()?;
    // The connection manager reconnects by itself; a request or two may still see the old
    // connection fail. Bounded: 20 s at most.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, body) = call(&url, "GET", "/red?wait_ms=0", None);
        if status == 200 {
            assert_eq!(body, json!({"key1": "1", "key2": "2", "key3": "3"}));
            return Ok(());
        }
        assert_eq!(status, 503);
        if Instant::now() > deadline {
            return Err("still 503 20 s after Redis came back".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
