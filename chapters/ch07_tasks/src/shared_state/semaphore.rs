//! `asyncio.Semaphore(n)`: at most `n` tasks inside at once.
//!
//! `async with sem:` takes a permit and gives it back on the way out. tokio's `Semaphore`
//! hands out permits the same way: `acquire().await` waits while none is free, and the permit
//! goes back when it is dropped, so even a task cancelled inside returns its permit. Shared
//! between spawned tasks, it sits in an `Arc`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::sleep;

// ANCHOR: semaphore
/// `jobs` downloads of `each`, `limit` at a time. Returns the most that ran at once.
pub async fn limited_downloads(jobs: usize, limit: usize, each: Duration) -> usize {
    let permits = Arc::new(Semaphore::new(limit)); // asyncio.Semaphore(limit)
    let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let mut set = JoinSet::new();
    for _ in 0..jobs {
        let (permits, running, most) = (permits.clone(), running.clone(), most.clone());
        set.spawn(async move {
            let _permit = permits.acquire().await.expect("never closed"); // async with sem:
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(now, Ordering::SeqCst);
            sleep(each).await; // the download
            running.fetch_sub(1, Ordering::SeqCst);
        }); // `_permit` dropped here: the next task may enter
    }
    set.join_all().await;
    most.load(Ordering::SeqCst)
}
// ANCHOR_END: semaphore
