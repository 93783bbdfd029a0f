//! The three-image download: the right bytes on disk, one at a time versus all at once.

use ch04_async_await::image_download::{
    IMAGES, download_all_async, download_all_blocking, image_urls,
};
use shared::fixture_server::body_for;
use shared::{FixtureServer, Timeline};
use std::path::PathBuf;

fn assert_images_on_disk(paths: &[PathBuf], size: usize) {
    assert_eq!(paths.len(), IMAGES.len());
    for (path, (url_path, _)) in paths.iter().zip(IMAGES) {
        let bytes = std::fs::read(path).unwrap();
        assert_eq!(bytes, body_for(url_path, size), "{}", path.display());
    }
}

#[test]
fn blocking_downloads_every_image_once_one_at_a_time() {
    let server = FixtureServer::builder().size(1000).start();
    let dir = tempfile::tempdir().unwrap();
    let paths = download_all_blocking(&image_urls(&server), dir.path(), Timeline::start()).unwrap();
    assert_images_on_disk(&paths, 1000);
    assert_eq!(server.requests(), 3);
    assert_eq!(server.max_in_flight(), 1);
}

#[tokio::test]
async fn async_downloads_all_three_at_once() {
    // Real delays (0.4, 0.6, 0.5 s) on a server of its own: the three requests, sent together,
    // reach it well within the shortest. (On tokio's paused clock, a virtual delay could run
    // out while a request is still in a real socket.)
    let server = FixtureServer::builder().size(1000).start();
    let dir = tempfile::tempdir().unwrap();
    let paths = download_all_async(&image_urls(&server), dir.path(), Timeline::start())
        .await
        .unwrap();
    assert_images_on_disk(&paths, 1000);
    assert_eq!(server.requests(), 3);
    assert_eq!(server.max_in_flight(), 3, "all three in flight together");
}

#[tokio::test(start_paused = true)]
async fn a_failed_download_names_its_url() {
    let server = FixtureServer::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let urls = vec![server.url("/status/404")];
    let error = download_all_async(&urls, dir.path(), Timeline::start())
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(&format!("fetching {}: ", urls[0])),
        "{error}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[tokio::test]
async fn a_download_that_cannot_connect_says_why() {
    // Port 1 on the loopback: nothing listens, so the connection is refused at once.
    let url = "http://127.0.0.1:1/a.jpg".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let error = download_all_async(&[url], dir.path(), Timeline::start())
        .await
        .unwrap_err();
    assert!(
        error.reason.contains("Connection refused"),
        "reqwest's own message leaves out why; its causes say it: {error}"
    );
}

#[tokio::test]
async fn a_url_without_a_file_name_is_an_error_before_any_request() {
    let server = FixtureServer::builder().start();
    let dir = tempfile::tempdir().unwrap();
    let url = server.url("/file/");
    let error = download_all_async(std::slice::from_ref(&url), dir.path(), Timeline::start())
        .await
        .unwrap_err();
    assert_eq!(error.url, url);
    assert_eq!(server.requests(), 0);
}
