//! 三.5.5.3 案例: the three-image download with a blocking HTTP client, from async code.
//!
//! The article keeps `requests` (which cannot be awaited) and runs each `requests.get` in the
//! loop's default thread pool, so the three downloads overlap although every one of them blocks
//! a thread. Rust's blocking client is `reqwest::blocking`, and the default pool is tokio's
//! blocking pool: each download is a task that prints, hands the blocking part to
//! [`tokio::task::spawn_blocking`], and awaits it.
//!
//! Two details the article gets wrong or glosses over, and what this version does instead:
//! - it saves the file with a blocking `open`/`write` on the loop's own thread; here the write
//!   happens on the blocking thread too, beside the download;
//! - `reqwest::blocking` must stay off runtime threads altogether: in a debug build it *panics*
//!   when called from async code (see [`crate::runtime_handle`]); in a release build it freezes
//!   the runtime thread, as `requests` freezes the loop.
//!
//! The images come from chapter 4's list, served by the local [`FixtureServer`] on a thread of
//! its own (started with [`FixtureServer::start`]) so that it keeps answering whatever our
//! runtime does.

use ch04_async_await::image_download::{IMAGE_BYTES, image_urls};
use shared::url_error::file_name;
use shared::{FixtureServer, Timeline, UrlError};
use std::path::{Path, PathBuf};

// ANCHOR: fetch
/// `requests.get(url)` and saving the body: plain blocking code, run on a blocking-pool thread.
/// Returns the number of bytes saved.
fn fetch_and_save(url: &str, path: &Path) -> Result<usize, UrlError> {
    let body = reqwest::blocking::get(url)
        .and_then(|response| response.error_for_status())
        .and_then(|response| response.bytes())
        .map_err(|e| UrlError::caused_by(url, &e))?;
    std::fs::write(path, &body).map_err(|e| UrlError::caused_by(url, &e))?;
    Ok(body.len())
}
// ANCHOR_END: fetch

// ANCHOR: download_img
/// `async def download_img(url)`: announce, run the blocking part on the blocking pool, await.
pub async fn download_img(
    url: String,
    dir: PathBuf,
    timeline: Timeline,
) -> Result<PathBuf, UrlError> {
    let name = file_name(&url)?.to_owned(); // `url.split("/")[-1]`, without the query string
    timeline.say(format_args!("开始下载 start {name}"));
    let path = dir.join(&name);
    let blocking_path = path.clone();
    let saved = tokio::task::spawn_blocking(move || fetch_and_save(&url, &blocking_path))
        .await
        .expect("fetch_and_save does not panic")?;
    timeline.say(format_args!("下载完成 done  {name} ({saved} bytes)"));
    Ok(path)
}

/// `asyncio.wait([download_img(url) for url in urls])`: one task per URL, all awaited.
pub async fn download_all(
    urls: &[String],
    dir: &Path,
    timeline: Timeline,
) -> Result<Vec<PathBuf>, UrlError> {
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| tokio::spawn(download_img(url.clone(), dir.to_owned(), timeline)))
        .collect();
    let mut paths = Vec::with_capacity(tasks.len());
    for task in tasks {
        paths.push(task.await.expect("download_img does not panic")?);
    }
    Ok(paths)
}
// ANCHOR_END: download_img

/// The tour section: the three images of chapter 4, all at once, through the blocking pool.
///
/// The last line states the bound (one request per download task), which the server's
/// high-water mark must stay within; how close it came depends on how fast the machine starts
/// the blocking threads, so the line does not print it unless the bound was broken. The
/// chapter's test asserts that all three were in flight together.
pub fn show() {
    let server = FixtureServer::builder().size(IMAGE_BYTES).start();
    let dir = tempfile::tempdir().expect("the OS temp dir is writable");
    let urls = image_urls(&server);
    shared::runtime::real_time().block_on(async {
        let timeline = Timeline::start();
        match download_all(&urls, dir.path(), timeline).await {
            Ok(paths) if server.max_in_flight() <= urls.len() => timeline.say(format_args!(
                "{} files; at most {} requests in flight at once, one per task",
                paths.len(),
                urls.len()
            )),
            Ok(paths) => timeline.say(format_args!(
                "{} files; {} requests in flight at once, more than the {} tasks",
                paths.len(),
                server.max_in_flight(),
                urls.len()
            )),
            Err(error) => timeline.say(format_args!("error: {error}")),
        }
    });
}
