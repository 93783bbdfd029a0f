//! FastAPI's error shapes, through `app()` without a socket: 422 naming the field, 404 and 405
//! as JSON, 413 for a large body, and 503 (in time) when Redis cannot be reached.
//!
//! None of these need a Redis server: validation answers before any Redis command, and the
//! 503 tests point the service at a port where nothing listens.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use ch14_web::app;
use ch14_web::state::{AppState, Settings};
use serde_json::{Value, json};
use tower::ServiceExt;

/// A Redis URL where nothing listens: every connection is refused at once.
const NO_REDIS: &str = "redis://127.0.0.1:1/";

async fn call(method: Method, uri: &str, json_body: Option<&str>) -> (StatusCode, Value) {
    let state = AppState::new(NO_REDIS, Settings::default()).unwrap();
    let mut request = Request::builder().method(method).uri(uri);
    if json_body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let body = json_body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let response = app(state)
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/json",
        "{uri}"
    );
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (status, serde_json::from_slice(&bytes).unwrap())
}

/// The `loc` of every item of a 422's `detail`.
fn locs(body: &Value) -> Vec<Value> {
    body["detail"]
        .as_array()
        .expect("a 422 has a list of problems")
        .iter()
        .map(|item| {
            assert!(
                item["msg"].as_str().is_some_and(|m| !m.is_empty()),
                "{item}"
            );
            assert!(item["type"].as_str().is_some(), "{item}");
            item["loc"].clone()
        })
        .collect()
}

#[tokio::test]
async fn the_plain_endpoint_needs_no_redis() {
    let (status, body) = call(Method::GET, "/", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"message": "Hello World"}));
}

#[tokio::test]
async fn a_missing_field_is_a_422_naming_it() {
    let (status, body) = call(Method::POST, "/cars", Some(r#"{"name": "Model T"}"#)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(locs(&body), [json!(["body", "price"])]);
    assert_eq!(body["detail"][0]["type"], "missing");
}

#[tokio::test]
async fn a_wrong_type_is_a_422_naming_the_field() {
    let car = r#"{"name": "Model T", "price": "cheap"}"#;
    let (status, body) = call(Method::POST, "/cars", Some(car)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(locs(&body), [json!(["body", "price"])]);
}

#[tokio::test]
async fn every_broken_rule_is_named() {
    let car = r#"{"name": "", "price": -1}"#;
    let (status, body) = call(Method::POST, "/cars", Some(car)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        locs(&body),
        [json!(["body", "name"]), json!(["body", "price"])]
    );
    let long = format!(r#"{{"name": "{}", "price": 1}}"#, "x".repeat(51));
    let (_, body) = call(Method::POST, "/cars", Some(&long)).await;
    assert_eq!(body["detail"][0]["type"], "string_too_long");
}

#[tokio::test]
async fn broken_json_and_a_missing_content_type_are_422_too() {
    let (status, body) = call(Method::POST, "/cars", Some(r#"{"name": "#)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["detail"][0]["type"], "json_invalid");
    let (status, body) = call(Method::POST, "/cars", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(locs(&body), [json!(["body"])]);
}

#[tokio::test]
async fn bad_path_and_query_parameters_are_422_naming_them() {
    let (status, body) = call(Method::GET, "/cars/abc", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(locs(&body), [json!(["path", "id"])]);
    for uri in ["/cars?limit=0", "/cars?limit=101", "/cars?limit=ten"] {
        let (status, body) = call(Method::GET, uri, None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(locs(&body), [json!(["query", "limit"])], "{uri}");
    }
    let (status, body) = call(Method::GET, "/red?wait_ms=10001", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(locs(&body), [json!(["query", "wait_ms"])]);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let (status, body) = call(Method::GET, "/nope", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body, json!({"detail": "Not Found"}));
    let (status, body) = call(Method::DELETE, "/cars", None).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body, json!({"detail": "Method Not Allowed"}));
}

#[tokio::test]
async fn a_body_over_the_limit_is_a_413() {
    let name = "x".repeat(ch14_web::app::BODY_LIMIT);
    let car = format!(r#"{{"name": "{name}", "price": 1}}"#);
    let (status, body) = call(Method::POST, "/cars", Some(&car)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body, json!({"detail": "Payload Too Large"}));
}

#[tokio::test]
async fn refused_redis_is_a_503() {
    for (method, uri, body) in [
        (Method::GET, "/red?wait_ms=0", None),
        (Method::GET, "/cars/1", None),
        (Method::GET, "/cars", None),
        (
            Method::POST,
            "/cars",
            Some(r#"{"name": "Model T", "price": 850}"#),
        ),
    ] {
        let (status, json) = call(method, uri, body).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{uri}");
        assert_eq!(json, json!({"detail": "Redis is unavailable"}), "{uri}");
    }
}

/// A "Redis" that accepts connections and never answers: the worst case, a hang without the
/// timeout. On tokio's paused clock the timers fire as soon as nothing else can happen, so
/// the test takes no real time and proves the request ends by the configured timeout.
#[tokio::test(start_paused = true)]
async fn silent_redis_is_a_503_by_the_timeout_not_a_hang() {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("redis://{}/", silent.local_addr().unwrap());
    let settings = Settings::default();
    let limit = settings.redis_timeout;
    let state = AppState::new(&url, settings).unwrap();
    let started = tokio::time::Instant::now();
    let request = Request::get("/red?wait_ms=0").body(Body::empty()).unwrap();
    let response = app(state).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() <= limit, "{:?}", started.elapsed());
    drop(silent);
}
