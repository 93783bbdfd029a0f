use crate::errors::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

/// What `GET /health` answers when Redis is fine: `{"redis": "PONG"}`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Health {
    pub redis: String,
}

// ANCHOR: solution
/// Exercise `health`: PING through the shared connection, bounded by the state's timeout.
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let mut redis = state.redis();
    let pong: String = state
        .with_redis(redis::cmd("PING").query_async(&mut redis))
        .await?;
    Ok(Json(Health { redis: pong }))
}
// ANCHOR_END: solution
