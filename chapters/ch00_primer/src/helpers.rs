//! The project's own helpers, which every chapter's listings use (they live in the `shared`
//! crate, so a chapter only contains what it teaches):
//!
//! - [`shared::runtime::block_on`] is `asyncio.run`: build a runtime, drive one future to the
//!   end on this thread, drop the runtime.
//! - [`shared::Timeline`] prints lines stamped with the time since a listing started
//!   (`[+2.00s] b: Hello`), the way the article's listings print `time.time()` differences.
//!   It reads tokio's clock, so under the paused clock of the tests and the book the stamps are
//!   exact.
//! - [`shared::outln!`] is `print`: the line goes to the terminal, or into the buffer when
//!   the book's output check runs the listing.
//! - [`shared::FixtureServer`] stands in for the article's far-away web sites: a real HTTP
//!   server on 127.0.0.1 with a chosen latency, which counts the requests it gets.

use shared::fixture_server::body_for;
use shared::{FixtureServer, Timeline, outln};
use std::time::Duration;
use tokio::time::sleep;

// ANCHOR: timeline
/// The article's `func` with a name: greet, sleep without blocking, greet again.
async fn nap(timeline: Timeline, name: &str, secs: u64) {
    timeline.say(format_args!("{name}: 你好"));
    sleep(Duration::from_secs(secs)).await;
    timeline.say(format_args!("{name}: Hello"));
}

/// Two naps at once: the stamps show they overlap (done at 2 s, not 3).
pub async fn two_naps(timeline: Timeline) {
    tokio::join!(nap(timeline, "a", 1), nap(timeline, "b", 2));
    timeline.say("main: both done");
}
// ANCHOR_END: timeline

// ANCHOR: block_on
/// `asyncio.run(main())`: one call that runs the whole async program and returns.
pub fn show_helpers() {
    outln!("block_on(two_naps(..)) runs like asyncio.run(main()):");
    shared::runtime::block_on(async {
        let timeline = Timeline::start(); // started inside, so it reads the runtime's clock
        two_naps(timeline).await;
    });
}
// ANCHOR_END: block_on

// ANCHOR: fixture
/// Fetch `paths` from a fixture server started for the occasion, and check every body
/// against the bytes the server generates for that path.
pub async fn fetch_and_check(paths: &[&str]) -> Result<(Vec<usize>, usize), reqwest::Error> {
    // Its own thread and runtime; dropping `server` at the end shuts it down.
    let server = FixtureServer::builder().size(1000).start();
    let client = reqwest::Client::new();
    let mut sizes = Vec::new();
    for path in paths {
        let response = client.get(server.url(path)).send().await?;
        let body = response.error_for_status()?.bytes().await?;
        let as_served = body == body_for(path, body.len());
        outln!("GET {path}: {} bytes, as served: {as_served}", body.len());
        sizes.push(body.len());
    }
    outln!("the server answered {} requests", server.requests());
    Ok((sizes, server.requests()))
}
// ANCHOR_END: fixture

/// The tour section for the fixture server.
pub fn show_fixture() {
    let fetched = shared::runtime::real_time().block_on(fetch_and_check(&["/a.jpg", "/b.jpg"]));
    if let Err(error) = fetched {
        outln!("the fetch failed: {error}");
    }
}
