//! `buffer_unordered(n)`: a stream of requests, at most `n` in flight at a time.
//!
//! Map a stream of URLs to a stream of *futures* (requests not yet sent), then
//! `.buffer_unordered(n)` runs up to `n` of those futures at once and yields each result as soon
//! as it is ready, starting the next request whenever one finishes. It is the stream version of
//! the crawler's favourite tool, a pool of `n` workers (in asyncio, a `Semaphore(n)` around each
//! request, or `n` worker tasks reading one queue), with no tasks and no semaphore: all the
//! requests are polled by the one task that consumes the stream. `buffered(n)` is the same but
//! yields results in the order of the URLs, holding back early finishers.
//!
//! The requests go to the local [`FixtureServer`], which counts how many it was answering at
//! the same moment: its high-water mark proves the bound, without trusting a stopwatch.

use futures::{StreamExt, stream};
use shared::{FixtureServer, Timeline};
use std::time::Duration;

/// The pages of the listing with how long the server takes to answer each. Chosen so that no
/// two requests finish at the same instant, which makes the order of the output unambiguous.
pub const PAGES: [(&str, Duration); 6] = [
    ("/page/0", Duration::from_millis(300)),
    ("/page/1", Duration::from_millis(100)),
    ("/page/2", Duration::from_millis(500)),
    ("/page/3", Duration::from_millis(150)),
    ("/page/4", Duration::from_millis(400)),
    ("/page/5", Duration::from_millis(100)),
];

/// The size of each page, in bytes.
pub const PAGE_BYTES: usize = 1024;

/// A page: its path and the size of its body.
pub type Page = (String, usize);

/// The URLs of [`PAGES`] on `server`, each with its delay.
pub fn page_urls(server: &FixtureServer) -> Vec<String> {
    PAGES
        .iter()
        .map(|(path, delay)| server.url(&format!("{path}?delay_ms={}", delay.as_millis())))
        .collect()
}

/// GET `url`; its path and body size, or the error.
async fn fetch(client: &reqwest::Client, url: String) -> Result<Page, reqwest::Error> {
    let response = client.get(&url).send().await?.error_for_status()?;
    let path = response.url().path().to_owned();
    let body = response.bytes().await?;
    Ok((path, body.len()))
}

// ANCHOR: buffer_unordered
/// Fetch every URL, at most `limit` at a time, printing each page as it arrives.
pub async fn fetch_all(urls: Vec<String>, limit: usize, timeline: Timeline) -> Vec<Page> {
    let client = reqwest::Client::new();
    let mut pages = stream::iter(urls)
        .map(|url| fetch(&client, url)) // a stream of requests not yet sent
        .buffer_unordered(limit); // … at most `limit` of them running
    let mut done = Vec::new();
    while let Some(result) = pages.next().await {
        match result {
            Ok((path, size)) => {
                timeline.say(format_args!("{path}: {size} bytes"));
                done.push((path, size));
            }
            Err(error) => timeline.say(format_args!("error: {error}")),
        }
    }
    done
}
// ANCHOR_END: buffer_unordered

/// How many requests the tour lets run at once.
const TOUR_LIMIT: usize = 3;

/// The tour section: six pages, three at a time, on the real clock whatever the run chose (a
/// paused clock jumps ahead while the runtime waits for a real socket, so virtual stamps over
/// TCP are not exact). The last line states the bound, which the server's high-water mark proves;
/// if the bound were ever broken, the line would say so instead.
pub fn show() {
    shared::runtime::real_time().block_on(async {
        let server = FixtureServer::builder().size(PAGE_BYTES).spawn().await;
        let timeline = Timeline::start();
        let pages = fetch_all(page_urls(&server), TOUR_LIMIT, timeline).await;
        let most = server.max_in_flight();
        if most <= TOUR_LIMIT {
            timeline.say(format_args!(
                "{} pages; the server never had more than {TOUR_LIMIT} requests at once",
                pages.len()
            ));
        } else {
            timeline.say(format_args!(
                "{} pages; the server had {most} requests at once, over the limit of {TOUR_LIMIT}",
                pages.len()
            ));
        }
    });
}
