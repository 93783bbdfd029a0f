//! Run with: cargo run -p ch01_blocking --example crawl -- URL...
//!
//! Chapter 1's crawler as one plain program: every URL fetched by a task of its own on one
//! thread, the way the article's asyncio version does it. Paste it into `cargo new crawl` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros"] }
//! reqwest = "0.13"
//! ```

use std::time::Instant;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let urls: Vec<String> = std::env::args().skip(1).collect();
    if urls.is_empty() {
        eprintln!("give the URLs to fetch: crawl URL...");
        std::process::exit(2);
    }
    let client = reqwest::Client::new();
    let start = Instant::now();
    let tasks: Vec<_> = urls
        .iter()
        .map(|url| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move {
                let response = client.get(&url).send().await?.error_for_status()?;
                Ok::<_, reqwest::Error>(response.bytes().await?.len())
            })
        })
        .collect();
    for (url, task) in urls.iter().zip(tasks) {
        match task.await? {
            Ok(bytes) => println!("{url}: {bytes} bytes"),
            Err(error) => println!("{url}: failed: {error}"), // one bad URL stops nothing
        }
    }
    println!(
        "{} URLs in {:.2} s",
        urls.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
