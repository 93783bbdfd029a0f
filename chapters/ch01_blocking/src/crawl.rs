//! What every strategy has to do, and the proof that it did it.
//!
//! A [`Crawl`] is a list of URLs; every strategy fetches each one once and returns a [`Fetched`]
//! per URL: its body and the OS thread that ran the request. Comparing the bodies with
//! [`shared::fixture_server::body_for`] proves the right bytes came back; the thread ids show
//! how many threads a strategy really used.

use shared::UrlError;
use std::thread::ThreadId;

/// One fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL, as given.
    pub url: String,
    /// The response body.
    pub body: Vec<u8>,
    /// The thread that waited for this response (`None` for another process).
    pub thread: Option<ThreadId>,
}

/// The article's `get_page`, blocking: send, wait, read the body; an error status is an error.
pub fn get_page(client: &reqwest::blocking::Client, url: &str) -> Result<Fetched, UrlError> {
    let response = client
        .get(url)
        .send()
        .and_then(|r| r.error_for_status())
        .map_err(|e| UrlError::caused_by(url, &e))?;
    let body = response.bytes().map_err(|e| UrlError::caused_by(url, &e))?;
    Ok(Fetched {
        url: url.to_owned(),
        body: body.to_vec(),
        thread: Some(std::thread::current().id()),
    })
}

/// The same, async: every wait is an `.await` that lets the thread serve other requests.
pub async fn get_page_async(client: &reqwest::Client, url: &str) -> Result<Fetched, UrlError> {
    let response = client
        .get(url)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| UrlError::caused_by(url, &e))?;
    let body = response
        .bytes()
        .await
        .map_err(|e| UrlError::caused_by(url, &e))?;
    Ok(Fetched {
        url: url.to_owned(),
        body: body.to_vec(),
        thread: Some(std::thread::current().id()),
    })
}
