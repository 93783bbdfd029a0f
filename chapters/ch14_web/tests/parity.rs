//! Parity: the axum service and the fixed FastAPI app (`python/app.py` on uvicorn) give the
//! same answers to the same requests: the same status and the same JSON, and for a 422 the
//! same fields named. Needs Redis and the FastAPI packages in the project's `.venv`.

mod common;

use ch14_web::fastapi::{self, FastApi};
use ch14_web::server::Running;
use ch14_web::state::{Settings, remove_keys};
use common::call;
use libtest_mimic::{Failed, Trial};
use serde_json::Value;
use shared::services::redis::RedisServer;
use shared::services::{Need, unique_prefix};

fn main() -> std::process::ExitCode {
    common::run_needing(
        fastapi::missing(),
        &[Need::Redis],
        vec![Trial::test("axum_and_fastapi_answer_alike", same_answers)],
    )
}

/// The requests both services get, in order (a car posted, then read back).
const REQUESTS: &[(&str, &str, Option<&str>)] = &[
    ("GET", "/", None),
    ("GET", "/red?wait_ms=0", None),
    (
        "POST",
        "/cars",
        Some(r#"{"name": "Model T", "price": 850}"#),
    ),
    (
        "POST",
        "/cars",
        Some(r#"{"name": "Beetle", "price": 1200.5}"#),
    ),
    ("GET", "/cars/1", None),
    ("GET", "/cars?limit=1&offset=1", None),
    ("GET", "/cars", None),
    ("GET", "/cars/99", None),
    ("GET", "/nope", None),
    ("DELETE", "/cars", None),
    ("GET", "/blocking/offloaded?ms=1", None),
    ("POST", "/cars", Some(r#"{"name": "Model T"}"#)),
    ("POST", "/cars", Some(r#"{"name": "Model T", "price": 0}"#)),
    ("POST", "/cars", Some(r#"{"name": "", "price": 5}"#)),
    (
        "POST",
        "/cars",
        Some(r#"{"name": "Model T", "price": "cheap"}"#),
    ),
    ("GET", "/cars/abc", None),
    ("GET", "/cars?limit=0", None),
    ("GET", "/cars?limit=101", None),
    ("GET", "/red?wait_ms=10001", None),
];

/// For a 422 only the fields named must agree (pydantic's messages are its own); anything
/// else must be equal.
fn comparable(status: u16, body: Value) -> Value {
    if status != 422 {
        return body;
    }
    let locs = body["detail"]
        .as_array()
        .map(|items| items.iter().map(|item| item["loc"].clone()).collect())
        .unwrap_or_default();
    Value::Array(locs)
}

fn same_answers() -> Result<(), Failed> {
    let redis = RedisServer::shared()?.url();
    let (rust_prefix, python_prefix) = (unique_prefix("ch14"), unique_prefix("ch14py"));
    let outcome = compare(redis, &rust_prefix, &python_prefix);
    remove_keys(redis, &rust_prefix)?;
    remove_keys(redis, &python_prefix)?;
    outcome
}

fn compare(redis: &str, rust_prefix: &str, python_prefix: &str) -> Result<(), Failed> {
    let settings = Settings {
        key_prefix: rust_prefix.to_string(),
        ..Settings::default()
    };
    let axum = Running::start(redis, settings)?;
    let fastapi = FastApi::start(redis, python_prefix, 3000)?;
    for &(method, path, body) in REQUESTS {
        let (rust_status, rust_body) = call(&axum.url(), method, path, body);
        let (py_status, py_body) = call(&fastapi.url(), method, path, body);
        assert_eq!(rust_status, py_status, "{method} {path} {body:?}: status");
        assert_eq!(
            comparable(rust_status, rust_body),
            comparable(py_status, py_body),
            "{method} {path} {body:?}"
        );
    }
    Ok(())
}
