//! Errors across tasks: `try/except` around `await` becomes `Result`, `match` and `?`.
//!
//! In asyncio an awaited coroutine raises, and `try/except` around the `await` catches it; an
//! exception in a task waits in the task until someone awaits it. In Rust an async fn that can
//! fail returns `Result`, so the failure is a value: `.await` gives the `Result`, `match` is the
//! `except`, and `?` passes the error up, as an uncaught exception would. A spawned task's
//! `Result` comes back wrapped once more, in the `JoinHandle`'s own `Result`: the outer `Err` is
//! a [`tokio::task::JoinError`] (the task panicked or was aborted), the inner one is the task's
//! own error.
//!
//! Which error type? A *library* gives its callers an error type of its own, an enum they can
//! `match` on ([`FetchError`], written with `thiserror`, which derives `Display`, `Error` and
//! the `From` conversions that `?` uses). An *application* mostly reports errors, and
//! `anyhow::Error` holds any error plus the context of what was being done
//! ([`sizes_report`]), printed with `{:#}` as one line of causes.
//!
//! The requests go to the local fixture server: `/status/404` answers 404, other paths answer
//! bytes.

use reqwest::StatusCode;
use tokio::task::JoinSet;

// ANCHOR: library_error
/// What can go wrong fetching one URL: the error type a library would publish.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server has nothing at this URL (404).
    #[error("{url}: not found")]
    NotFound { url: String },
    /// Any other error status.
    #[error("{url}: server answered {status}")]
    Status { url: String, status: StatusCode },
    /// No answer at all: connection refused, reset, a body cut short.
    #[error("transport error")]
    Transport(#[from] reqwest::Error),
}

/// The body size at `url`: an async fn that can fail returns a `Result`.
pub async fn fetch_size(client: &reqwest::Client, url: &str) -> Result<usize, FetchError> {
    let response = client.get(url).send().await?; // `?` converts reqwest::Error via #[from]
    match response.status() {
        StatusCode::NOT_FOUND => Err(FetchError::NotFound { url: url.into() }),
        status if !status.is_success() => Err(FetchError::Status {
            url: url.into(),
            status,
        }),
        _ => Ok(response.bytes().await?.len()),
    }
}
// ANCHOR_END: library_error

// ANCHOR: except
/// `try: size = await fetch(url)` / `except NotFound: size = 0`: handle one kind of error,
/// let every other one propagate.
pub async fn size_or_zero(client: &reqwest::Client, url: &str) -> Result<usize, FetchError> {
    match fetch_size(client, url).await {
        Ok(size) => Ok(size),
        Err(FetchError::NotFound { .. }) => Ok(0),
        Err(other) => Err(other), // a bare `raise`
    }
}
// ANCHOR_END: except

// ANCHOR: join_set
/// Fetch every URL in a task of its own; the total, or the first error. Like
/// `asyncio.TaskGroup`, the first error cancels the tasks still running: dropping the
/// `JoinSet` on the way out (the `?` returns early) aborts them.
pub async fn total_size(client: &reqwest::Client, urls: &[String]) -> Result<usize, FetchError> {
    let mut set = JoinSet::new();
    for url in urls {
        let (client, url) = (client.clone(), url.clone());
        set.spawn(async move { fetch_size(&client, &url).await });
    }
    let mut total = 0;
    while let Some(joined) = set.join_next().await {
        // Outer Result: did the task finish? Inner Result: did the fetch succeed?
        let size = joined.expect("a fetch task never panics and is not aborted here")?;
        total += size;
    }
    Ok(total)
}
// ANCHOR_END: join_set

// ANCHOR: anyhow
/// An application's function: any error, with context saying what was being done.
pub async fn sizes_report(client: &reqwest::Client, urls: &[String]) -> anyhow::Result<String> {
    use anyhow::Context as _;
    let mut lines = Vec::new();
    for url in urls {
        let size = fetch_size(client, url)
            .await
            .with_context(|| format!("while reporting sizes, at {url}"))?;
        lines.push(format!("{url}: {size} bytes"));
    }
    Ok(lines.join("\n"))
}
// ANCHOR_END: anyhow
