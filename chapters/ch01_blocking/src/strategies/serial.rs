//! 一: the article's first crawler. One thread; each request waits for the previous one.

use crate::crawl::{FetchError, Fetched, get_page};

// ANCHOR: serial
/// `for url in urls: res = get_page(url)`: the thread sleeps in the kernel for every response.
pub fn serial(urls: &[String]) -> Result<Vec<Fetched>, FetchError> {
    let client = reqwest::blocking::Client::new();
    urls.iter().map(|url| get_page(&client, url)).collect()
}
// ANCHOR_END: serial
