use std::future::Future;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

// ANCHOR: solution
/// Exercise `results_within`: every future as a task, results in order, late ones cancelled.
pub async fn results_within<F>(futures: Vec<F>, timeout: Duration) -> Vec<Option<F::Output>>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut results: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    let mut set = JoinSet::new();
    for (index, future) in futures.into_iter().enumerate() {
        set.spawn(async move { (index, future.await) });
    }
    let deadline = Instant::now() + timeout;
    while let Ok(Some(joined)) = timeout_at(deadline, set.join_next()).await {
        // A task that panicked leaves its slot empty, like one that ran out of time.
        if let Ok((index, output)) = joined {
            results[index] = Some(output);
        }
    }
    set.abort_all(); // the late ones stop at their current .await (dropping `set` would too)
    results
}
// ANCHOR_END: solution
