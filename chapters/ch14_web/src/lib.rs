//! # Chapter 14 — the article's FastAPI service, made right on axum
//!
//! Retells the article's 四.3 FastAPI 框架: a plain endpoint, an async endpoint that talks to
//! Redis, served on 127.0.0.1:5000. The article's listing does not run (see the book); this
//! chapter builds what it meant, as a service one could deploy, and measures it against the
//! same service on FastAPI (`python/app.py`).
//!
//! | FastAPI                                   | axum                                              |
//! |-------------------------------------------|---------------------------------------------------|
//! | `@app.get("/")` on a function             | `Router::new().route("/", get(index))`            |
//! | `async def index(): return {...}`         | `async fn index() -> Json<Message>`               |
//! | a module-level pool, or `Depends(...)`    | `State<AppState>` (and extractors)                |
//! | pydantic `BaseModel` + `Field(gt=0)`      | serde `Deserialize` + [`extract::Validate`]       |
//! | path / query parameters                   | `Path<String>`, [`extract::ValidQuery`]           |
//! | 422 `{"detail": [{loc, msg, type}]}`      | [`errors::ApiError`], [`extract::ValidJson`]      |
//! | `/docs`, `/openapi.json`                  | utoipa + Swagger UI ([`docs`])                    |
//! | `uvicorn.run(app, host, port)`            | `axum::serve(listener, app)` ([`server::serve`])  |
//! | uvicorn's access log, `--log-level`       | tower-http `TraceLayer`, `RUST_LOG`               |
//! | `--timeout-graceful-shutdown`             | `with_graceful_shutdown` + a deadline             |
//! | `def` handler: run on a thread pool       | `tokio::task::spawn_blocking` ([`blocking`])      |

pub mod app;
pub mod bench;
pub mod blocking;
pub mod cars;
pub mod cli;
pub mod docs;
pub mod errors;
pub mod extract;
pub mod fastapi;
pub mod hello;
pub mod load;
pub mod red;
pub mod server;
mod show;
pub mod state;
mod tour;
pub mod wrk;

pub use app::app;

/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch14`), the reference solutions otherwise.
#[cfg(feature = "attempt")]
#[path = "../exercises/mod.rs"]
pub mod exercises;
/// The chapter's exercises: the reader's attempts with `--features attempt`
/// (`just exercise ch14`), the reference solutions otherwise.
#[cfg(not(feature = "attempt"))]
#[path = "../solutions/mod.rs"]
pub mod exercises;
pub use tour::tour;

/// Where Redis is: `REDIS_URL` if set, otherwise a private `redis-server` this process starts
/// on a free port (removed when it exits). Blocks while the server starts: call it before
/// entering a runtime.
///
/// # Errors
/// Neither `REDIS_URL` nor `redis-server`; the message says what to install.
pub fn redis_url() -> Result<String, shared::services::ServiceError> {
    shared::services::redis::RedisServer::shared().map(|server| server.url().to_string())
}
