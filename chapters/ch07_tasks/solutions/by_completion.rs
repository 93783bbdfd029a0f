use std::time::Duration;
use tokio::task::JoinSet;

// ANCHOR: solution
/// Exercise `by_completion`: sleep, then return the number of seconds slept.
pub async fn after(seconds: u64) -> u64 {
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    seconds
}

/// Exercise `by_completion`: a `JoinSet` hands back its tasks' results as they finish.
pub async fn by_completion(delays: Vec<u64>) -> Vec<u64> {
    let mut tasks = JoinSet::new();
    for seconds in delays {
        tasks.spawn(after(seconds));
    }
    let mut results = Vec::with_capacity(tasks.len());
    while let Some(joined) = tasks.join_next().await {
        results.push(joined.expect("`after` does not panic"));
    }
    results
}
// ANCHOR_END: solution
