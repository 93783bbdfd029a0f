//! The chapter's tour: the service's endpoints in the article's order, then what the article
//! leaves out (errors, docs, blocking handlers, shutdown).

use crate::show;
use shared::Tour;

/// Every section of chapter 14, as `cargo run -p ch14_web` runs them.
pub fn tour() -> Tour {
    Tour::new("ch14_web", "the FastAPI service on axum")
        .section(
            "hello",
            "四.3 FastAPI 框架",
            "GET /: the plain endpoint",
            |_| show::hello(),
        )
        .measured(
            "red",
            "四.3 FastAPI 框架",
            "GET /red: wait, then Redis; five requests wait together",
            |_| show::red(),
        )
        .section(
            "cars",
            "四.3 FastAPI 框架, grown",
            "a JSON body, a path parameter, query parameters",
            |_| show::cars(),
        )
        .section(
            "errors",
            "四.3 FastAPI 框架, grown",
            "bad input answered as FastAPI does: 422, 404, 405",
            |_| show::errors(),
        )
        .section(
            "redis_down",
            "四.3 FastAPI 框架, grown",
            "Redis unreachable: 503 in time, GET / unaffected",
            |_| show::redis_down(),
        )
        .section(
            "docs",
            "四.3 FastAPI 框架, grown",
            "/openapi.json and /docs, offline",
            |_| show::docs(),
        )
        .measured(
            "blocking",
            "四.3 FastAPI 框架: 某个 IO 操作 10s",
            "a blocking handler stalls GET /; spawn_blocking does not",
            |_| show::blocking(),
        )
        .measured(
            "shutdown",
            "四.3 FastAPI 框架: uvicorn.run",
            "graceful shutdown: the request in flight finishes",
            |_| show::shutdown(),
        )
}
