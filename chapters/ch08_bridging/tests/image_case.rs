//! 5.5.3: the blocking downloads, run on the blocking pool, overlap.

use ch08_bridging::image_case::download_all;
use shared::fixture_server::body_for;
use shared::{FixtureServer, Timeline};
use std::time::Duration;

#[test]
fn the_three_blocking_downloads_are_in_flight_at_once_and_saved() {
    let server = FixtureServer::builder()
        .latency(Duration::from_secs(1))
        .size(1000)
        .start();
    let urls: Vec<String> = ["/a.jpg", "/b.jpg", "/c.jpg"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let (paths, printed) = shared::output::capture(|| {
        shared::runtime::real_time().block_on(download_all(&urls, dir.path(), Timeline::start()))
    });
    let paths = paths.unwrap();
    // On one runtime thread: three at once only because each blocking call has its own thread.
    assert_eq!(server.max_in_flight(), 3);
    for (path, name) in paths.iter().zip(["/a.jpg", "/b.jpg", "/c.jpg"]) {
        assert_eq!(std::fs::read(path).unwrap(), body_for(name, 1000));
    }
    let lines: Vec<&str> = printed.lines().collect();
    assert!(
        lines[..3].iter().all(|l| l.contains("start")),
        "all start first: {printed}"
    );
    assert!(lines[3..].iter().all(|l| l.contains("done")), "{printed}");
}

#[test]
fn an_error_status_is_an_error_naming_the_url() {
    let server = FixtureServer::builder().latency(Duration::ZERO).start();
    let urls = vec![server.url("/fine.jpg"), server.url("/status/404")];
    let dir = tempfile::tempdir().unwrap();
    let (result, _) = shared::output::capture(|| {
        shared::runtime::real_time().block_on(download_all(&urls, dir.path(), Timeline::start()))
    });
    let error = result.unwrap_err();
    assert_eq!(error.url, urls[1]);
    assert!(error.reason.contains("404"), "{error}");
}

#[test]
fn a_download_that_cannot_connect_says_why() {
    // Port 1 on the loopback: nothing listens, so the connection is refused at once.
    let urls = vec!["http://127.0.0.1:1/a.jpg".to_owned()];
    let dir = tempfile::tempdir().unwrap();
    let (result, _) = shared::output::capture(|| {
        shared::runtime::real_time().block_on(download_all(&urls, dir.path(), Timeline::start()))
    });
    let error = result.unwrap_err();
    assert!(
        error.reason.contains("Connection refused"),
        "reqwest's own message leaves out why; its causes say it: {error}"
    );
}
