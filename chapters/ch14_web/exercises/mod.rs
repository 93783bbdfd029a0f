//! # Chapter 14 exercises — your attempts
//!
//! Fill in the code below, then run `just exercise ch14`: the chapter's exercise tests run
//! against this file instead of the reference solutions. Stuck? `just hint ch14 signup`.
//! The tests need Redis (`REDIS_URL`, or `redis-server` installed), like the chapter.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::errors::{ApiError, FieldError};
use crate::extract::Validate;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};

// ANCHOR: signup
/// Exercise `signup`: the rules of pydantic's
/// `class Signup(BaseModel): email: str; age: int = Field(ge=13, le=130)`, plus: an email has
/// exactly one `@` with text on both sides. Report *every* broken rule, each as a
/// [`FieldError`] at `[where_, "email"]` or `[where_, "age"]` (type `value_error` for the
/// email, `greater_than_equal` / `less_than_equal` for the age), so that `ValidJson<Signup>`
/// answers FastAPI's 422.
#[derive(Debug, Deserialize)]
pub struct Signup {
    pub email: String,
    pub age: u32,
}

impl Validate for Signup {
    fn validate(&self, where_: &str) -> Vec<FieldError> {
        todo!("exercise `signup` is not written yet (ask for a hint: just hint ch14 signup)")
    }
}
// ANCHOR_END: signup

// ANCHOR: health
/// What `GET /health` answers when Redis is fine: `{"redis": "PONG"}`.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Health {
    pub redis: String,
}

/// Exercise `health`: a handler for `GET /health`, what a load balancer polls. Send Redis a
/// `PING` through the shared connection and answer `200 {"redis": "PONG"}`; if Redis does
/// not answer in time, `503 {"detail": "Redis is unavailable"}`, never a hang.
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    todo!("exercise `health` is not written yet (ask for a hint: just hint ch14 health)")
}
// ANCHOR_END: health
