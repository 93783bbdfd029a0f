//! The OpenAPI document (`/openapi.json`) and the interactive docs (`/docs`), as FastAPI
//! serves them.
//!
//! FastAPI builds the document from the handlers' signatures; utoipa builds it from the
//! `#[utoipa::path]` attributes on ours and the `ToSchema` types they name. The docs page is
//! Swagger UI, FastAPI's own choice, compiled into the binary from the
//! `utoipa-swagger-ui-vendored` crate: no download at build time and no CDN at run time, so
//! `/docs` works on a machine with no network (FastAPI's page loads Swagger UI from a CDN).

use crate::{blocking, cars, hello, red};
use utoipa::OpenApi;

/// Every endpoint the service documents, in the order `/docs` lists them.
#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "ch14_web",
        description = "The article's FastAPI service (四.3 FastAPI 框架) on axum"
    ),
    paths(
        hello::index,
        red::red,
        cars::create_car,
        cars::list_cars,
        cars::get_car,
        blocking::blocking,
        blocking::offloaded,
    )
)]
pub struct ApiDoc;

/// The paths of every documented endpoint: what the browser test looks for on `/docs`.
pub fn documented_paths() -> Vec<String> {
    ApiDoc::openapi().paths.paths.keys().cloned().collect()
}
