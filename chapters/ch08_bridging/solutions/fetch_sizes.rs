// ANCHOR: solution
/// Exercise `fetch_sizes`: one blocking download per blocking-pool thread, all started first.
pub async fn fetch_sizes(urls: Vec<String>) -> Result<Vec<usize>, reqwest::Error> {
    let downloads: Vec<_> = urls
        .into_iter()
        .map(|url| {
            tokio::task::spawn_blocking(move || {
                let body = reqwest::blocking::get(url)?.error_for_status()?.bytes()?;
                Ok::<usize, reqwest::Error>(body.len())
            })
        })
        .collect();
    let mut sizes = Vec::with_capacity(downloads.len());
    for download in downloads {
        sizes.push(download.await.expect("a download does not panic")?);
    }
    Ok(sizes)
}
// ANCHOR_END: solution
