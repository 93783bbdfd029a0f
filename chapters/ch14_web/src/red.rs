//! `GET /red`: the article's async endpoint, written as it meant to be.
//!
//! The article's `def red()` awaits inside a plain `def` (a SyntaxError), takes a connection
//! from an aioredis 1.x pool by hand, and returns `result`, a name it never defined. Here: wait
//! (the article's 3 s, or `?wait_ms=`), write the hash `car`, read it back, return it as JSON.
//! Redis comes from the shared state, never from a global; a Redis that does not answer is a
//! 503 within the configured timeout.

use crate::errors::{ApiError, FieldError, ValidationErrors};
use crate::extract::{ValidQuery, Validate};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use redis::AsyncCommands;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::time::Duration;
use utoipa::IntoParams;

/// The longest wait a request may ask for, well inside the request timeout.
pub const MAX_WAIT_MS: u64 = 10_000;

/// `GET /red?wait_ms=`: how long to wait first (default: the service's setting).
#[derive(Debug, Deserialize, IntoParams)]
pub struct RedQuery {
    /// Milliseconds to wait before talking to Redis, at most 10000.
    pub wait_ms: Option<u64>,
}

impl Validate for RedQuery {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        match self.wait_ms {
            Some(ms) if ms > MAX_WAIT_MS => vec![FieldError::new(
                &[where_, "wait_ms"],
                "less_than_equal",
                format!("Input should be less than or equal to {MAX_WAIT_MS}"),
            )],
            _ => Vec::new(),
        }
    }
}

// ANCHOR: red
/// The article's `red()`: sleep, `HSET car key1 1 key2 2 key3 3`, `HGETALL car`.
#[utoipa::path(get, path = "/red", params(RedQuery), responses(
    (status = 200, description = "The hash `car`", body = BTreeMap<String, String>),
    (status = 422, body = ValidationErrors),
    (status = 503, description = "Redis is unavailable", body = crate::errors::Detail),
))]
pub async fn red(
    State(state): State<AppState>,
    ValidQuery(query): ValidQuery<RedQuery>,
) -> Result<Json<BTreeMap<String, String>>, ApiError> {
    let wait = query
        .wait_ms
        .map_or(state.settings.red_wait, Duration::from_millis);
    tracing::info!(?wait, "request received");
    tokio::time::sleep(wait).await; // the worker thread serves others meanwhile
    let key = state.key("car");
    let mut redis = state.redis(); // a handle on the one shared connection
    let fields = [("key1", 1), ("key2", 2), ("key3", 3)];
    let car: BTreeMap<String, String> = state
        .with_redis(async {
            let () = redis.hset_multiple(&key, &fields).await?;
            redis.hgetall(&key).await
        })
        .await?;
    Ok(Json(car))
}
// ANCHOR_END: red
