//! 一: the article's first crawler. One thread; each request waits for the previous one.

use crate::crawl::{Fetched, get_page};
use shared::UrlError;

// ANCHOR: serial
/// `for url in urls: res = get_page(url)`: the thread sleeps in the kernel for every response.
pub fn serial(urls: &[String]) -> Result<Vec<Fetched>, UrlError> {
    let client = reqwest::blocking::Client::new();
    urls.iter().map(|url| get_page(&client, url)).collect()
}
// ANCHOR_END: serial
