//! The helpers that every chapter of *From asyncio to Tokio* shares.
//!
//! A chapter should only contain what it teaches. Everything a chapter needs but does not
//! teach lives here, once:
//!
//! - [`output`]: where printed lines go (the terminal, or a buffer when the book's output is
//!   checked), and the [`outln!`] macro that every listing prints through;
//! - [`timeline`]: lines stamped with the time since a listing started (`[+2.00s] Hello`),
//!   read from tokio's clock so that under a paused clock the stamps are exact;
//! - [`runtime`]: the runtimes the listings run on, paused-clock aware;
//! - [`panics`]: a panic's message, and a quiet panic hook for listings that panic on purpose;
//! - [`tour`]: the runner behind every chapter's `main` (`cargo run -p ch05_futures -- --list`);
//! - [`fixture_server`]: a real HTTP server on 127.0.0.1 serving generated "images" with a
//!   chosen latency, counting requests and how many were in flight at once, so every network
//!   listing runs offline and every concurrency claim can be checked;
//! - [`url_error`]: the error every fetching listing reports, naming the URL;
//! - [`bench`]: what a benchmark row is, so each chapter can add its own to `just bench`;
//! - [`services`]: private Redis and MariaDB servers for the practical chapters, and the
//!   harness for tests that need them (ignored when the servers are not installed).

pub mod bench;
pub mod fixture_server;
pub mod output;
pub mod panics;
pub mod runtime;
pub mod services;
pub mod timeline;
pub mod tour;
pub mod url_error;

pub use fixture_server::FixtureServer;
pub use timeline::Timeline;
pub use tour::{Options, Tour};
pub use url_error::UrlError;
