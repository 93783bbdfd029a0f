//! The article's comment "某个 IO 操作 10s" (some I/O that takes 10 s), made into two endpoints.
//!
//! FastAPI runs a plain `def` handler on a thread pool, so a blocking call in it does not stall
//! the event loop; an `async def` handler that blocks stalls every request. axum has no such
//! fallback: every handler is a future on the runtime's few worker threads, and a handler that
//! blocks (`std::thread::sleep`, a blocking client, a long CPU loop) holds one of them.
//! `GET /blocking` does exactly that; `GET /blocking/offloaded` moves the same work to tokio's
//! blocking pool with `spawn_blocking`, FastAPI's `def` done by hand. The tour and `just bench`
//! measure what each does to `GET /` meanwhile.

use crate::errors::{ApiError, FieldError};
use crate::extract::{ValidQuery, Validate};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::time::Duration;
use utoipa::{IntoParams, ToSchema};

/// The longest blocking call a request may ask for.
pub const MAX_BLOCK_MS: u64 = 5_000;

/// `?ms=`: how long the blocking call takes.
#[derive(Debug, Deserialize, IntoParams)]
pub struct Work {
    /// Milliseconds the blocking call takes, 0 to 5000 (default 100).
    #[serde(default = "default_ms")]
    pub ms: u64,
}

fn default_ms() -> u64 {
    100
}

impl Validate for Work {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        if self.ms <= MAX_BLOCK_MS {
            return Vec::new();
        }
        let msg = format!("Input should be less than or equal to {MAX_BLOCK_MS}");
        vec![FieldError::new(&[where_, "ms"], "less_than_equal", msg)]
    }
}

/// What both endpoints answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Blocked {
    pub blocked_ms: u64,
}

/// The blocking call: a stand-in for a blocking client, file or database driver.
fn slow_io(ms: u64) -> u64 {
    std::thread::sleep(Duration::from_millis(ms));
    ms
}

// ANCHOR: blocking
/// Wrong: the blocking call runs on a runtime worker thread, which serves nobody else
/// meanwhile (FastAPI: blocking inside `async def`).
#[utoipa::path(get, path = "/blocking", params(Work), responses((status = 200, body = Blocked)))]
pub async fn blocking(ValidQuery(work): ValidQuery<Work>) -> Json<Blocked> {
    Json(Blocked {
        blocked_ms: slow_io(work.ms),
    })
}

/// Right: the blocking call runs on tokio's blocking pool; the worker thread goes back to
/// serving requests (FastAPI: a plain `def` handler, run on its thread pool).
#[utoipa::path(get, path = "/blocking/offloaded", params(Work), responses((status = 200, body = Blocked)))]
pub async fn offloaded(ValidQuery(work): ValidQuery<Work>) -> Result<Json<Blocked>, ApiError> {
    let blocked_ms = tokio::task::spawn_blocking(move || slow_io(work.ms))
        .await
        .map_err(|e| ApiError::Unavailable(format!("the blocking job failed: {e}")))?;
    Ok(Json(Blocked { blocked_ms }))
}
// ANCHOR_END: blocking
