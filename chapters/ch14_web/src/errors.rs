//! Errors as FastAPI answers them: a status code and a JSON body `{"detail": …}`.
//!
//! FastAPI users expect three shapes: `422` with a list of `{loc, msg, type}` items naming each
//! bad field, `404 {"detail": "Not Found"}` for a route that does not exist, and plain
//! `{"detail": "…"}` for everything else. axum's own rejections are plain-text 400/415/422
//! responses; [`ApiError`] and [`json_errors`] turn every error into one of FastAPI's shapes.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// One problem with the request, FastAPI's (pydantic's) validation error item.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FieldError {
    /// Where: `["body", "price"]`, `["query", "limit"]`, `["path", "id"]`.
    pub loc: Vec<String>,
    /// What is wrong, for a person.
    pub msg: String,
    /// What kind of problem, for a program: `missing`, `int_parsing`, `greater_than`, …
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl FieldError {
    /// A problem at `loc` (`["body", "price"]`).
    pub fn new(loc: &[&str], kind: &'static str, msg: impl Into<String>) -> Self {
        FieldError {
            loc: loc.iter().map(|part| part.to_string()).collect(),
            msg: msg.into(),
            kind,
        }
    }
}

/// Why a request failed; each variant answers with FastAPI's status and body.
#[derive(Debug)]
pub enum ApiError {
    /// 422: the request's fields are wrong.
    Invalid(Vec<FieldError>),
    /// 404 with a message: `Car not found`.
    NotFound(&'static str),
    /// 503: Redis could not be reached in time. The cause is logged, not shown.
    Unavailable(String),
}

/// The body of a 422: `{"detail": [{loc, msg, type}, …]}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidationErrors {
    pub detail: Vec<FieldError>,
}

/// The body of every other error: `{"detail": "Car not found"}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Detail {
    pub detail: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Invalid(detail) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(ValidationErrors { detail }),
            )
                .into_response(),
            ApiError::NotFound(what) => detail(StatusCode::NOT_FOUND, what),
            ApiError::Unavailable(cause) => {
                tracing::warn!(%cause, "Redis unavailable");
                detail(StatusCode::SERVICE_UNAVAILABLE, "Redis is unavailable")
            }
        }
    }
}

impl From<redis::RedisError> for ApiError {
    fn from(error: redis::RedisError) -> Self {
        ApiError::Unavailable(error.to_string())
    }
}

fn detail(status: StatusCode, text: &str) -> Response {
    (
        status,
        Json(Detail {
            detail: text.to_string(),
        }),
    )
        .into_response()
}

/// The answer for a route that does not exist: FastAPI's `404 {"detail": "Not Found"}`.
pub async fn not_found() -> Response {
    detail(StatusCode::NOT_FOUND, "Not Found")
}

/// Middleware: give every error response that is not JSON yet (axum's 405, tower-http's 408
/// and 413) FastAPI's body, `{"detail": "<reason>"}`, keeping its status.
pub async fn json_errors(response: Response) -> Response {
    let is_json = response.headers().get(header::CONTENT_TYPE)
        == Some(&HeaderValue::from_static("application/json"));
    let status = response.status();
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let mut fresh = detail(status, status.canonical_reason().unwrap_or("Error"));
    std::mem::swap(fresh.headers_mut(), &mut parts.headers);
    fresh.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    fresh.headers_mut().remove(header::CONTENT_LENGTH);
    fresh
}
