//! The service as one [`Router`], built by [`app`]: what `main` serves and what tests call
//! without a socket (`app(state).oneshot(request)`).

use crate::docs::ApiDoc;
use crate::state::AppState;
use crate::{blocking, cars, errors, hello, red};
use axum::Router;
use axum::http::StatusCode;
use axum::middleware::map_response;
use axum::routing::get;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

/// The longest a request may take before it answers `503` (`/red` waits at most 10 s).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest request body accepted; a larger one answers `413`.
pub const BODY_LIMIT: usize = 16 * 1024;

// ANCHOR: app
/// Every route of the service, FastAPI's `@app.get(...)` decorators gathered in one place, with
/// the layers every request goes through.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(hello::index))
        .route("/red", get(red::red))
        .route("/cars", get(cars::list_cars).post(cars::create_car))
        .route("/cars/{id}", get(cars::get_car))
        .route("/blocking", get(blocking::blocking))
        .route("/blocking/offloaded", get(blocking::offloaded))
        .merge(SwaggerUi::new("/docs").url("/openapi.json", ApiDoc::openapi()))
        .fallback(errors::not_found)
        .with_state(state)
        // Layers wrap what is above them: the last one added sees the request first.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(map_response(errors::json_errors))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}
// ANCHOR_END: app
