//! The three-image download: the right bytes on disk, one at a time versus all at once.

use ch04_async_await::image_download::{
    IMAGES, download_all_async, download_all_blocking, image_urls,
};
use shared::fixture_server::body_for;
use shared::{FixtureServer, Timeline};
use std::path::PathBuf;
use std::time::Duration;

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

#[tokio::test(start_paused = true)]
async fn async_downloads_all_three_at_once_in_the_time_of_the_slowest() {
    let server = FixtureServer::builder().size(1000).spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let start = tokio::time::Instant::now();
    let paths = download_all_async(&image_urls(&server), dir.path(), Timeline::start())
        .await
        .unwrap();
    assert_eq!(
        start.elapsed(),
        Duration::from_millis(600),
        "the slowest image, not the sum"
    );
    assert_images_on_disk(&paths, 1000);
    assert_eq!(server.requests(), 3);
    assert_eq!(server.max_in_flight(), 3);
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
