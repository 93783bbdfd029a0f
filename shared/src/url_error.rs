//! An error that names the URL it happened to.
//!
//! A crawler's user needs to know *which* request failed and why, in one line, not a
//! backtrace: `fetching http://127.0.0.1:4242/page/3: HTTP status server error (503 …)`.
//! Every chapter that fetches (the crawls of chapter 1, the image downloads of chapters 4 and 8)
//! reports failures with this one type, and names the files it saves with [`file_name`].

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

    /// A failure of `url` for `error`, followed by the errors that caused it. reqwest's own
    /// message (`error sending request for url (…)`) leaves out *why*, which is in its
    /// `source()` chain: `… : tcp connect error: Too many open files (os error 24)`.
    pub fn caused_by(url: &str, error: &(dyn std::error::Error + 'static)) -> Self {
        let mut reason = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            let text = cause.to_string();
            if !reason.contains(&text) {
                reason.push_str(": ");
                reason.push_str(&text);
            }
            source = cause.source();
        }
        UrlError {
            url: url.to_owned(),
            reason,
        }
    }
}

/// The last segment of `url`'s path, without the query string: the article's
/// `url.split("/")[-1]` for a URL that may carry one (`…/20211129/qgenlhwzyvs.jpg?delay_ms=400`
/// → `qgenlhwzyvs.jpg`). An error when the path ends in `/`: there is no name to save under.
pub fn file_name(url: &str) -> Result<&str, UrlError> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .ok_or_else(|| UrlError::new(url, "no file name at the end of the URL's path"))
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

    #[test]
    fn file_name_is_the_last_path_segment_without_the_query() {
        use super::file_name;
        assert_eq!(
            file_name("http://127.0.0.1:80/file/mm/qgenlhwzyvs.jpg?delay_ms=400"),
            Ok("qgenlhwzyvs.jpg")
        );
        assert_eq!(file_name("http://x/a/b.jpg"), Ok("b.jpg"));
        assert_eq!(file_name("http://x/a/b.jpg#top"), Ok("b.jpg"));
        assert_eq!(
            file_name("http://x/a/?q=1").unwrap_err().to_string(),
            "fetching http://x/a/?q=1: no file name at the end of the URL's path"
        );
    }

    #[test]
    fn caused_by_appends_the_causes_once_each() {
        #[derive(Debug)]
        struct Outer(std::io::Error);
        impl std::fmt::Display for Outer {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("error sending request")
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let io = std::io::Error::other("Too many open files");
        let error = super::UrlError::caused_by("http://x/1", &Outer(io));
        assert_eq!(
            error.to_string(),
            "fetching http://x/1: error sending request: Too many open files"
        );
        let plain = std::io::Error::other("refused");
        assert_eq!(
            super::UrlError::caused_by("http://x/2", &plain).to_string(),
            "fetching http://x/2: refused"
        );
    }
}
