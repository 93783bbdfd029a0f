//! Extractors that reject like FastAPI: `422 {"detail": [{loc, msg, type}]}` naming the field.
//!
//! axum's `Json` and `Query` reject bad input with plain-text 400/415/422 responses; FastAPI's
//! users (and their clients) expect pydantic's error list. [`ValidJson`] and [`ValidQuery`]
//! deserialize with `serde_path_to_error`, so a type error names the field it is in, then run
//! the type's own [`Validate`] rules (pydantic's `Field(gt=0, max_length=50)`).

use crate::errors::{ApiError, FieldError};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::de::DeserializeOwned;

/// Rules a value checks after it deserialized: pydantic's field constraints.
pub trait Validate {
    /// Every broken rule, each at `[where_, field]` (`where_` is `body` or `query`).
    fn validate(&self, where_: &str) -> Vec<FieldError>;
}

/// A JSON body that deserialized and passed [`Validate`], or a FastAPI-style 422.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

/// A query string that deserialized and passed [`Validate`], or a FastAPI-style 422.
#[derive(Debug)]
pub struct ValidQuery<T>(pub T);

impl<S, T> FromRequest<S> for ValidJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
        // Reading the body enforces the body limit (413), before any parsing.
        let body = Bytes::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        if !is_json {
            let msg = "Input should be a JSON object (send Content-Type: application/json)";
            return Err(invalid(FieldError::new(
                &["body"],
                "model_attributes_type",
                msg,
            )));
        }
        let mut json = serde_json::Deserializer::from_slice(&body);
        let value: T = serde_path_to_error::deserialize(&mut json)
            .map_err(|e| invalid(data_error("body", e.path().to_string(), e.inner())))?;
        checked(value, "body")
            .map(ValidJson)
            .map_err(IntoResponse::into_response)
    }
}

impl<S, T> FromRequestParts<S> for ValidQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Response> {
        let query = parts.uri.query().unwrap_or_default();
        let pairs = serde_urlencoded::Deserializer::new(form_urlencoded(query));
        let value: T = serde_path_to_error::deserialize(pairs)
            .map_err(|e| invalid(query_error(e.path().to_string(), e.inner())))?;
        checked(value, "query")
            .map(ValidQuery)
            .map_err(IntoResponse::into_response)
    }
}

fn form_urlencoded(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

fn checked<T: Validate>(value: T, where_: &str) -> Result<T, ApiError> {
    let problems = value.validate(where_);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(ApiError::Invalid(problems))
    }
}

fn invalid(problem: FieldError) -> Response {
    ApiError::Invalid(vec![problem]).into_response()
}

/// serde says "missing field `price`" at the struct's own path (`.`): name the field itself.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

fn data_error(where_: &str, path: String, error: &serde_json::Error) -> FieldError {
    let message = error.to_string();
    if error.is_syntax() || error.is_eof() {
        return FieldError::new(
            &[where_],
            "json_invalid",
            format!("JSON decode error: {message}"),
        );
    }
    if let Some(field) = missing_field(&message) {
        return FieldError::new(&[where_, field], "missing", "Field required");
    }
    let field = path.trim_start_matches('.');
    let msg = message.split(" at line ").next().unwrap_or(&message);
    FieldError::new(&[where_, field], "type_error", msg)
}

fn query_error(path: String, error: &serde_urlencoded::de::Error) -> FieldError {
    let message = error.to_string();
    if let Some(field) = missing_field(&message) {
        return FieldError::new(&["query", field], "missing", "Field required");
    }
    FieldError::new(
        &["query", path.trim_start_matches('.')],
        "type_error",
        message,
    )
}
