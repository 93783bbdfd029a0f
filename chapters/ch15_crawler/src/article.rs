//! The article's crawler as it stands (`四.4 异步爬虫`), in Rust: three downloads started at
//! once and awaited together, each body read whole into memory and written under the last
//! segment of its URL. It works for three small pictures; every later section of the tour
//! fixes one thing it gets wrong.

use futures::future::join_all;
use shared::outln;
use std::path::Path;

// ANCHOR: article
/// One picture: the name cut from the URL (`url.split("/")[-1]`), the whole body in memory
/// (`await resp.content.read()`), then one write.
async fn fetch(client: &reqwest::Client, url: &str, dir: &Path) -> reqwest::Result<()> {
    let name = url.rsplit('/').next().unwrap_or_default();
    outln!("start downloading {name}");
    let body = client.get(url).send().await?.bytes().await?;
    tokio::fs::write(dir.join(name), &body)
        .await
        .expect("the folder exists");
    outln!("done: {name}, {} bytes", body.len());
    Ok(())
}

/// `asyncio.wait(tasks)`: everything at once, no bound, no timeout, no retry.
pub async fn main(urls: &[String], dir: &Path) {
    let client = reqwest::Client::new();
    let results = join_all(urls.iter().map(|url| fetch(&client, url, dir))).await;
    let failed = results.iter().filter(|r| r.is_err()).count();
    outln!("{} downloaded, {failed} failed", results.len() - failed);
}
// ANCHOR_END: article
