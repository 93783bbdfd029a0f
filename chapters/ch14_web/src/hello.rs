//! `GET /`: the article's plain endpoint, `{"message": "Hello World"}`.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The greeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct Message {
    pub message: &'static str,
}

// ANCHOR: index
/// The article's `index()`: no I/O, so a plain `async fn` that returns at once.
#[utoipa::path(get, path = "/", responses((status = 200, body = Message)))]
pub async fn index() -> Json<Message> {
    Json(Message {
        message: "Hello World",
    })
}
// ANCHOR_END: index
