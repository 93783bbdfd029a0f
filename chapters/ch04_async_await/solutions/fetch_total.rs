// ANCHOR: solution
/// Exercise `fetch_total`: download every URL at the same time and add up the body sizes.
pub async fn fetch_total(
    client: &reqwest::Client,
    urls: &[String],
) -> Result<usize, reqwest::Error> {
    let downloads = urls.iter().map(|url| async move {
        let body = client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok::<usize, reqwest::Error>(body.len())
    });
    // try_join_all polls them all at once and stops at the first error.
    let sizes = futures::future::try_join_all(downloads).await?;
    Ok(sizes.iter().sum())
}
// ANCHOR_END: solution
