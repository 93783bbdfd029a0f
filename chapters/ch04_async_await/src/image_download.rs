//! 三.4 协程的意义: why coroutines matter — downloading three images, blocking and then async.
//!
//! The article fetches three JPEGs from a public image host, first with `requests` one after
//! another, then with `aiohttp` + `aiofile` as three tasks, and prints the total time. Ours come
//! from the local [`FixtureServer`] (each response takes `latency`, standing in for a slow
//! network) and are written into a directory the caller chooses (the tour uses a temporary one).
//!
//! The blocking version waits for each download before starting the next: its total is the sum
//! of the three latencies. The async version starts all three, and while one waits for bytes the
//! others run: its total is the longest latency. Same thread count (one).

use shared::url_error::file_name;
use shared::{FixtureServer, Timeline, UrlError};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The three "images" the article downloads (our paths on the fixture server), each with the
/// time the server takes to answer: like real images, they do not all arrive at once.
pub const IMAGES: [(&str, Duration); 3] = [
    (
        "/file/mm/20211129/qgenlhwzyvs.jpg",
        Duration::from_millis(400),
    ),
    (
        "/file/2020/0223/c0b455b1f25dec71d995550b2e9f898e.jpg",
        Duration::from_millis(600),
    ),
    (
        "/file/2020/0223/8e3674af90cba4a3fcfcfce30ab9e5b3.jpg",
        Duration::from_millis(500),
    ),
];

/// The size of each image in the tour.
pub const IMAGE_BYTES: usize = 256 * 1024;

// ANCHOR: blocking
/// `download_img(url)` with `requests`: the thread sits in `send()` until the bytes arrive.
pub fn download_blocking(
    client: &reqwest::blocking::Client,
    url: &str,
    dir: &Path,
    timeline: Timeline,
) -> Result<PathBuf, UrlError> {
    let name = file_name(url)?;
    timeline.say(format_args!("start {name}"));
    let response = client
        .get(url)
        .send()
        .and_then(|r| r.error_for_status())
        .map_err(|e| UrlError::caused_by(url, &e))?;
    let bytes = response.bytes().map_err(|e| UrlError::caused_by(url, &e))?;
    let path = dir.join(name);
    std::fs::write(&path, &bytes).map_err(|e| UrlError::caused_by(url, &e))?;
    timeline.say(format_args!("done  {name} ({} bytes)", bytes.len()));
    Ok(path)
}
// ANCHOR_END: blocking

// ANCHOR: async
/// `async def fetch(session, url)`: the same steps, each wait an `.await` that frees the thread.
pub async fn download_async(
    client: &reqwest::Client,
    url: &str,
    dir: &Path,
    timeline: Timeline,
) -> Result<PathBuf, UrlError> {
    let name = file_name(url)?;
    timeline.say(format_args!("start {name}"));
    let response = client
        .get(url)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| UrlError::caused_by(url, &e))?;
    let bytes = response
        .bytes()
        .await
        .map_err(|e| UrlError::caused_by(url, &e))?;
    let path = dir.join(name);
    // tokio::fs runs the write on tokio's blocking pool (files have no readiness events on
    // Linux), so the runtime thread keeps serving the other downloads meanwhile.
    tokio::fs::write(&path, &bytes)
        .await
        .map_err(|e| UrlError::caused_by(url, &e))?;
    timeline.say(format_args!("done  {name} ({} bytes)", bytes.len()));
    Ok(path)
}

/// `main()` of the async listing: one client (aiohttp's session), three tasks, wait for all.
pub async fn download_all_async(
    urls: &[String],
    dir: &Path,
    timeline: Timeline,
) -> Result<Vec<PathBuf>, UrlError> {
    let client = reqwest::Client::new(); // like a ClientSession: one connection pool, shared
    let downloads = urls
        .iter()
        .map(|url| download_async(&client, url, dir, timeline));
    // join_all polls all three futures on this one task, each until it waits, so their waits
    // overlap. Unlike `tokio::spawn` (the article's `create_task`), it lets them borrow
    // `client` and `dir`: they cannot outlive this function.
    futures::future::join_all(downloads)
        .await
        .into_iter()
        .collect()
}
// ANCHOR_END: async

/// The blocking listing's `main`: one download after another.
pub fn download_all_blocking(
    urls: &[String],
    dir: &Path,
    timeline: Timeline,
) -> Result<Vec<PathBuf>, UrlError> {
    let client = reqwest::blocking::Client::new();
    urls.iter()
        .map(|url| download_blocking(&client, url, dir, timeline))
        .collect()
}

/// The URLs of the three images on `server`.
pub fn image_urls(server: &FixtureServer) -> Vec<String> {
    IMAGES
        .iter()
        .map(|(path, delay)| server.url(&format!("{path}?delay_ms={}", delay.as_millis())))
        .collect()
}

fn image_server() -> shared::fixture_server::Builder {
    FixtureServer::builder().size(IMAGE_BYTES)
}

/// The blocking tour section: a server on its own thread, real time.
pub fn show_blocking() {
    let server = image_server().start();
    let dir = temp_dir();
    let timeline = Timeline::start();
    match download_all_blocking(&image_urls(&server), dir.path(), timeline) {
        Ok(_) => total_time(timeline),
        Err(error) => timeline.say(format_args!("error: {error}")),
    }
}

/// The async tour section: the server runs on the same runtime, on the real clock whatever the
/// run chose. A paused clock would jump ahead whenever the runtime waits for a socket that is not
/// ready yet, so exact virtual stamps over real TCP could shift on a loaded machine; real time
/// keeps the order (the latencies are 100 ms apart) and the book masks the durations.
pub fn show_async() {
    shared::runtime::real_time().block_on(async {
        let server = image_server().spawn().await;
        let dir = temp_dir();
        let timeline = Timeline::start();
        match download_all_async(&image_urls(&server), dir.path(), timeline).await {
            Ok(_) => total_time(timeline),
            Err(error) => timeline.say(format_args!("error: {error}")),
        }
    });
}

/// The article's last line, `print(f"总用时:{(time() - sta):.2}")`: the time the downloads took.
fn total_time(timeline: Timeline) {
    let seconds = timeline.elapsed().as_secs_f64();
    timeline.say(format_args!("总用时 total time: {seconds:.2}s"));
}

/// A fresh temporary directory, removed with everything in it when dropped, so a tour leaves
/// nothing behind.
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("the OS temp dir is writable")
}
