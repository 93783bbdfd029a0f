//! `cargo run -p ch14_web -- serve [--addr 127.0.0.1:5000]`: the service, until Ctrl-C.
//!
//! The article ends with `uvicorn.run("luffy:app", host="127.0.0.1", port=5000)`. Here the
//! address is a flag (clap), Redis comes from `REDIS_URL` (never from the source: the article
//! prints its password there), and logs go through tracing, filtered by `RUST_LOG`
//! (`RUST_LOG=debug` shows every request's start and end).

use crate::server::{SHUTDOWN_GRACE, serve, shutdown_signal};
use crate::state::{AppState, Settings};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;
use tracing_subscriber::EnvFilter;

/// Serve the chapter's web service until Ctrl-C or SIGTERM.
#[derive(Debug, Parser)]
#[command(name = "ch14_web serve", bin_name = "ch14_web serve")]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:5000")]
    pub addr: SocketAddr,
    /// How long GET /red waits before talking to Redis when the request does not say (ms).
    #[arg(long, default_value_t = 3000)]
    pub red_wait_ms: u64,
}

/// Run `serve` with the arguments after the word `serve`.
pub fn main(args: impl IntoIterator<Item = String>) -> ExitCode {
    let args = match ServeArgs::try_parse_from(args) {
        Ok(args) => args,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let redis_url = match crate::redis_url() {
        Ok(url) => url,
        Err(error) => {
            eprintln!("ch14_web: {error}");
            return ExitCode::FAILURE;
        }
    };
    let settings = Settings {
        red_wait: Duration::from_millis(args.red_wait_ms),
        ..Settings::default()
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ch14_web: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(run(args.addr, &redis_url, settings));
    // Close the connections still open after the grace period, and do not wait for blocking
    // jobs (a `spawn_blocking` call cannot be interrupted) longer than a second.
    runtime.shutdown_timeout(Duration::from_secs(1));
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ch14_web: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(addr: SocketAddr, redis_url: &str, settings: Settings) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = AppState::new(redis_url, settings).map_err(|e| format!("REDIS_URL: {e}"))?;
    say(format_args!(
        "serving on http://{addr}  (interactive docs: http://{addr}/docs; Ctrl-C stops)"
    ));
    let finished = serve(
        listener,
        crate::app(state),
        shutdown_signal(),
        SHUTDOWN_GRACE,
    )
    .await
    .map_err(|e| e.to_string())?;
    say(format_args!(
        "stopped{}",
        if finished {
            ""
        } else {
            " (requests still running were closed)"
        }
    ));
    Ok(())
}

/// A line on stdout, flushed (a reader may wait for it), ignoring a closed pipe.
fn say(line: std::fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
}
