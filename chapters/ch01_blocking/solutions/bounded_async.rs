use tokio::sync::Semaphore;

// ANCHOR: solution
/// Exercise `bounded_async`: every URL's future waits for a permit before it sends.
pub async fn bounded_async(
    client: &reqwest::Client,
    urls: &[String],
    limit: usize,
) -> Result<Vec<usize>, reqwest::Error> {
    let permits = &Semaphore::new(limit);
    let fetches = urls.iter().map(|url| async move {
        let _permit = permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        let body = client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(body.len()) // the permit is released here, when `_permit` is dropped
    });
    futures::future::try_join_all(fetches).await
}
// ANCHOR_END: solution
