//! An error that names the URL it happened to.
//!
//! A crawler's user needs to know *which* request failed and why, in one line, not a
//! backtrace: `fetching http://127.0.0.1:4242/page/3: HTTP status server error (503 …)`.
//! Every chapter that fetches (the crawls of chapter 1, the image downloads of chapters 4 and 8)
//! reports failures with this one type.

use std::fmt;

/// What went wrong with one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    /// The URL, as requested.
    pub url: String,
    /// Why it failed, in words.
    pub reason: String,
}

impl UrlError {
    /// A failure of `url` for `reason` (any error or message).
    pub fn new(url: &str, reason: impl fmt::Display) -> Self {
        UrlError {
            url: url.to_owned(),
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fetching {}: {}", self.url, self.reason)
    }
}

impl std::error::Error for UrlError {}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_names_the_url_then_the_reason() {
        let error = super::UrlError::new("http://x/a.jpg", "404 Not Found");
        assert_eq!(error.to_string(), "fetching http://x/a.jpg: 404 Not Found");
    }
}
