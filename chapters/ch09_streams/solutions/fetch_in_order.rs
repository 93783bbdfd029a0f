use futures::{StreamExt, TryStreamExt, stream};

// ANCHOR: solution
/// Exercise `fetch_in_order`: at most `limit` requests at once, results in the input order.
pub async fn fetch_in_order(
    client: &reqwest::Client,
    urls: &[String],
    limit: usize,
) -> Result<Vec<usize>, reqwest::Error> {
    let mut sizes: Vec<(usize, usize)> = stream::iter(urls.iter().enumerate())
        .map(|(position, url)| async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            Ok::<_, reqwest::Error>((position, body.len()))
        })
        // Not `buffered(limit)`: it yields in order, so a response that finished early waits
        // behind a slower one and keeps its slot. Unordered keeps `limit` requests going.
        .buffer_unordered(limit)
        .try_collect()
        .await?;
    sizes.sort_unstable_by_key(|&(position, _)| position);
    Ok(sizes.into_iter().map(|(_, size)| size).collect())
}
// ANCHOR_END: solution
