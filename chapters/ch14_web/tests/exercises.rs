//! Chapter 14's exercises. These tests run against the reference solutions by default and
//! against your attempts with `just exercise ch14` (`--features attempt`). They need Redis,
//! like the chapter: not run (and said so) without it.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::{get, post};
use ch14_web::exercises::{Signup, health};
use ch14_web::extract::ValidJson;
use ch14_web::state::{AppState, Settings};
use libtest_mimic::{Failed, Trial};
use serde_json::{Value, json};
use shared::services::redis::RedisServer;
use shared::services::{Need, run_tests};
use tower::ServiceExt;

fn main() -> std::process::ExitCode {
    run_tests(
        &[Need::Redis],
        vec![
            Trial::test("signup_accepts_a_good_one", signup_accepts_a_good_one),
            Trial::test("signup_names_a_bad_email", signup_names_a_bad_email),
            Trial::test(
                "signup_names_both_fields_when_both_are_bad",
                signup_names_both,
            ),
            Trial::test("signup_bounds_the_age_on_both_sides", signup_bounds_the_age),
            Trial::test("health_says_pong_when_redis_answers", health_pong),
            Trial::test("health_is_503_when_redis_is_unreachable", health_refused),
            Trial::test("health_is_503_in_time_when_redis_is_silent", health_silent),
        ],
    )
}

/// A router with the exercises' routes, as the chapter's `app()` would mount them.
fn router(redis_url: &str) -> Router {
    let state = AppState::new(redis_url, Settings::default()).unwrap();
    Router::new()
        .route(
            "/signup",
            post(|ValidJson(signup): ValidJson<Signup>| async move { signup.email }),
        )
        .route("/health", get(health))
        .with_state(state)
}

fn runtime(paused: bool) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(paused)
        .build()
        .unwrap()
}

async fn send(router: Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = router.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, body)
}

fn signup(body: Value) -> (StatusCode, Value) {
    let request = Request::post("/signup")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    runtime(false).block_on(async { send(router("redis://127.0.0.1:1/"), request).await })
}

fn locs(body: &Value) -> Vec<Value> {
    body["detail"]
        .as_array()
        .map(|items| items.iter().map(|i| i["loc"].clone()).collect())
        .unwrap_or_default()
}

fn signup_accepts_a_good_one() -> Result<(), Failed> {
    let (status, body) = signup(json!({"email": "ada@example.org", "age": 36}));
    assert_eq!((status, body), (StatusCode::OK, json!("ada@example.org")));
    Ok(())
}

fn signup_names_a_bad_email() -> Result<(), Failed> {
    for email in ["ada", "@example.org", "ada@", "ada@@example.org", "a@b@c"] {
        let (status, body) = signup(json!({"email": email, "age": 36}));
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        assert_eq!(locs(&body), [json!(["body", "email"])], "{email}");
        assert_eq!(body["detail"][0]["type"], "value_error");
    }
    Ok(())
}

fn signup_names_both() -> Result<(), Failed> {
    let (status, body) = signup(json!({"email": "ada", "age": 3}));
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        locs(&body),
        [json!(["body", "email"]), json!(["body", "age"])]
    );
    Ok(())
}

fn signup_bounds_the_age() -> Result<(), Failed> {
    for (age, ok) in [(12, false), (13, true), (130, true), (131, false)] {
        let (status, body) = signup(json!({"email": "ada@example.org", "age": age}));
        if ok {
            assert_eq!(status, StatusCode::OK, "age {age}");
        } else {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "age {age}");
            assert_eq!(locs(&body), [json!(["body", "age"])], "age {age}");
        }
    }
    let (_, body) = signup(json!({"email": "ada@example.org", "age": 12}));
    assert_eq!(body["detail"][0]["type"], "greater_than_equal");
    let (_, body) = signup(json!({"email": "ada@example.org", "age": 131}));
    assert_eq!(body["detail"][0]["type"], "less_than_equal");
    Ok(())
}

fn get_health(redis_url: &str, paused: bool) -> (StatusCode, Value) {
    let request = Request::get("/health").body(Body::empty()).unwrap();
    runtime(paused).block_on(async { send(router(redis_url), request).await })
}

fn health_pong() -> Result<(), Failed> {
    let (status, body) = get_health(RedisServer::shared()?.url(), false);
    assert_eq!((status, body), (StatusCode::OK, json!({"redis": "PONG"})));
    Ok(())
}

fn health_refused() -> Result<(), Failed> {
    let (status, body) = get_health("redis://127.0.0.1:1/", false);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body, json!({"detail": "Redis is unavailable"}));
    Ok(())
}

fn health_silent() -> Result<(), Failed> {
    // Accepts connections, never answers. On the paused clock a bounded wait ends at once.
    let silent = std::net::TcpListener::bind("127.0.0.1:0")?;
    let url = format!("redis://{}/", silent.local_addr()?);
    let (status, _) = get_health(&url, true);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    Ok(())
}
