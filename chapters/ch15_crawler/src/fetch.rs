//! One URL to one file: the request, the retries, the streaming to a temporary file, the rename.
//!
//! The article's `await resp.read()` holds the whole body in memory and writes it under its
//! final name. Here the body goes chunk by chunk into a temporary file in the same folder
//! (`.part-…`), which is renamed to its final name only once the body is complete: a final name
//! never holds a partial body, whatever stops the program. Dropping the future (Ctrl-C, a
//! cancelled task) drops the temporary file, which deletes it ([`crate::part_file`]).
//!
//! Retries: timeouts, connection errors, a body cut short, 5xx and 429 are worth another try,
//! after an exponential backoff with jitter ([backon]), or after the server's `Retry-After`
//! when it sends one. Any other 4xx, a redirect loop, a body over `--max-bytes` are final.
//!
//! With `--rate-per-host`, every attempt, first or retry, waits for its host's turn
//! ([`HostRate`]) before it sends its request.

use crate::part_file::{PartError, PartFile};
use crate::rate::HostRate;
use backon::{ExponentialBuilder, Retryable};
use futures::{FutureExt, StreamExt};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};
use url::Url;

/// The prefix of every temporary file; a new run deletes those an earlier one left behind.
pub const TEMP_PREFIX: &str = ".part-";

/// How one URL's download is done.
#[derive(Debug, Clone)]
pub struct FetchPolicy {
    /// Retries after the first attempt.
    pub retries: u32,
    /// The first backoff; it doubles on each retry (with jitter).
    pub backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one fails the URL instead of stalling it.
    pub max_retry_after: Duration,
    /// The largest body saved.
    pub max_bytes: Option<u64>,
}

/// A saved body.
#[derive(Debug, Clone)]
pub struct Saved {
    pub final_url: Url,
    pub status: u16,
    pub bytes: u64,
    pub is_html: bool,
}

/// Why an attempt failed, and whether another one may do better.
#[derive(Debug, Clone)]
pub struct FetchError {
    pub kind: ErrorKind,
    /// The HTTP status, when a response arrived.
    pub status: Option<u16>,
    /// The error and its causes, outermost first.
    pub chain: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Worth another attempt, after `Retry-After` if the server said.
    Transient { retry_after: Option<Duration> },
    /// Another attempt would get the same answer.
    Final,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.chain.join(": "))
    }
}

impl FetchError {
    fn final_(status: Option<u16>, message: String) -> Self {
        FetchError {
            kind: ErrorKind::Final,
            status,
            chain: vec![message],
        }
    }

    fn from_reqwest(context: &str, error: reqwest::Error) -> Self {
        let transient =
            error.is_timeout() || error.is_connect() || error.is_body() || error.is_request();
        let mut chain = vec![context.to_string()];
        let mut source: Option<&dyn std::error::Error> = Some(&error);
        while let Some(e) = source {
            chain.push(e.to_string());
            source = e.source();
        }
        chain.dedup();
        FetchError {
            kind: if transient && !error.is_redirect() {
                ErrorKind::Transient { retry_after: None }
            } else {
                ErrorKind::Final
            },
            status: error.status().map(|s| s.as_u16()),
            chain,
        }
    }

    fn part((context, error): PartError) -> Self {
        FetchError {
            kind: ErrorKind::Final,
            status: None,
            chain: vec![context.to_string(), error.to_string()],
        }
    }
}

/// Download `url` into `destination` (a path inside `dir`, which exists), retrying as the
/// policy says, each attempt after its turn under `rate`. Returns what was saved, or the last
/// error, and the number of attempts.
pub async fn fetch_to_file(
    client: &reqwest::Client,
    url: &Url,
    destination: &Path,
    policy: &FetchPolicy,
    rate: Option<&HostRate>,
) -> (Result<Saved, FetchError>, u32) {
    let attempts = AtomicU32::new(0);
    // ANCHOR: retry
    let backoff = ExponentialBuilder::default()
        .with_min_delay(policy.backoff)
        .with_max_delay(policy.backoff * 64)
        .with_jitter()
        .with_max_times(policy.retries as usize);
    let result = (|| async {
        attempts.fetch_add(1, Ordering::Relaxed);
        if let Some(rate) = rate {
            rate.until_ready(url).await;
        }
        attempt(client, url, destination, policy).await
    })
    .retry(backoff)
    .when(|e: &FetchError| matches!(e.kind, ErrorKind::Transient { .. }))
    .adjust(
        |e: &FetchError, next: Option<Duration>| match (e.kind, next) {
            // Out of retries: stop, whatever the server asked.
            (_, None) => None,
            (
                ErrorKind::Transient {
                    retry_after: Some(wait),
                },
                Some(_),
            ) => (wait <= policy.max_retry_after).then_some(wait),
            (_, next) => next,
        },
    )
    .notify(|e: &FetchError, wait: Duration| {
        tracing::debug!(%url, error = %e, ?wait, "retrying");
    })
    .await;
    // ANCHOR_END: retry
    (result, attempts.load(Ordering::Relaxed))
}

/// One attempt: request, check the status, stream the body into a temporary file, rename.
async fn attempt(
    client: &reqwest::Client,
    url: &Url,
    destination: &Path,
    policy: &FetchPolicy,
) -> Result<Saved, FetchError> {
    let response = client
        .get(url.clone())
        .send()
        .await
        .map_err(|e| FetchError::from_reqwest("request failed", e))?;
    let status = response.status();
    if !status.is_success() {
        return Err(status_error(status, response.headers().get(RETRY_AFTER)));
    }
    if let (Some(max), Some(length)) = (policy.max_bytes, response.content_length())
        && length > max
    {
        return Err(too_large(status, max));
    }
    let final_url = response.url().clone();
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));

    let mut file = PartFile::new(destination);
    // ANCHOR: stream
    let mut bytes = 0u64;
    let mut body = std::pin::pin!(response.bytes_stream().peekable());
    while let Some(chunk) = body.next().await {
        // Whatever stops a body half-way (a timeout, a reset, the connection closing early;
        // reqwest reports the last as a decode error) may well not happen again.
        let chunk = chunk.map_err(|e| FetchError {
            kind: ErrorKind::Transient { retry_after: None },
            ..FetchError::from_reqwest("the body stopped", e)
        })?;
        bytes += chunk.len() as u64;
        if policy.max_bytes.is_some_and(|max| bytes > max) {
            return Err(too_large(status, policy.max_bytes.unwrap_or_default()));
        }
        // Whether more of the body is already here (or its end): then the file can wait.
        let ready = body.as_mut().peek().now_or_never().is_some();
        file.write(chunk, ready).await.map_err(FetchError::part)?;
    }
    file.persist().await.map_err(FetchError::part)?;
    // ANCHOR_END: stream
    Ok(Saved {
        final_url,
        status: status.as_u16(),
        bytes,
        is_html,
    })
}

fn too_large(status: StatusCode, max: u64) -> FetchError {
    FetchError::final_(
        Some(status.as_u16()),
        format!("body larger than --max-bytes {max}"),
    )
}

fn status_error(
    status: StatusCode,
    retry_after: Option<&reqwest::header::HeaderValue>,
) -> FetchError {
    let transient = status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS;
    let retry_after = retry_after
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    FetchError {
        kind: if transient {
            ErrorKind::Transient { retry_after }
        } else {
            ErrorKind::Final
        },
        status: Some(status.as_u16()),
        chain: vec![format!("HTTP {status}")],
    }
}

/// `Retry-After` is either seconds (`120`) or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(seconds) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn only_5xx_and_429_are_worth_retrying() {
        for (code, transient) in [
            (500, true),
            (503, true),
            (429, true),
            (404, false),
            (403, false),
            (400, false),
        ] {
            let e = status_error(StatusCode::from_u16(code).unwrap(), None);
            assert_eq!(
                matches!(e.kind, ErrorKind::Transient { .. }),
                transient,
                "{code}"
            );
        }
    }
}
