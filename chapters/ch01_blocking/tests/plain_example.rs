//! The plain `#[tokio::main]` version of the chapter's crawler (examples/crawl.rs) fetches
//! every URL it is given from a real local server.

use shared::FixtureServer;
use std::time::Duration;

#[test]
fn the_crawl_example_fetches_every_url() {
    let server = FixtureServer::builder()
        .latency(Duration::from_millis(50))
        .size(1234)
        .start();
    let mut urls: Vec<String> = (0..4).map(|i| server.url(&format!("/{i}.jpg"))).collect();
    urls.push(server.url("/status/404"));
    let args: Vec<&str> = urls.iter().map(String::as_str).collect();
    let out = shared::example::stdout("crawl", &args);
    let lines: Vec<&str> = out.lines().collect();
    for (url, line) in urls[..4].iter().zip(&lines) {
        assert_eq!(*line, format!("{url}: 1234 bytes"));
    }
    assert!(
        lines[4].starts_with(&format!(
            "{}: failed: HTTP status client error (404 Not Found)",
            urls[4]
        )),
        "{out}"
    );
    assert!(lines[5].starts_with("5 URLs in "), "{out}");
    assert_eq!(server.requests(), 5);
}

#[test]
fn the_crawl_example_without_urls_says_what_it_needs() {
    let output = shared::example::command("crawl").output().unwrap();
    assert_eq!(output.status.code(), Some(2), "a usage error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("give the URLs to fetch"), "{stderr}");
}
