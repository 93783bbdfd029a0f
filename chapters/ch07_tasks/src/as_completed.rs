//! `asyncio.as_completed` in Rust: results in the order they finish.
//!
//! [`JoinSet::join_next`] waits for whichever of its tasks finishes next; a `while let` over it
//! is `for result in asyncio.as_completed(tasks)`. [`FuturesUnordered`] is the same for plain
//! futures that are not spawned: it is a `Stream` whose items come in completion order.

use crate::create_task::job;
use futures::StreamExt;
use futures::stream::FuturesUnordered;
use shared::Timeline;
use tokio::task::JoinSet;

/// The jobs, slowest first, so that completion order differs from starting order.
const JOBS: [(&str, u64); 3] = [("slow", 3), ("fast", 1), ("medium", 2)];

// ANCHOR: join_next
/// Tasks in a `JoinSet`, collected as they finish.
pub async fn join_next(timeline: Timeline) -> Vec<u64> {
    let mut set = JoinSet::new();
    for (name, secs) in JOBS {
        set.spawn(job(timeline, name, secs));
    }
    let mut order = Vec::new();
    while let Some(result) = set.join_next().await {
        let secs = result.expect("job never panics");
        timeline.say(format_args!("main: task finished -> {secs}"));
        order.push(secs);
    }
    order
}
// ANCHOR_END: join_next

// ANCHOR: unordered
/// Plain futures in a `FuturesUnordered`, collected as they finish, no task spawned.
pub async fn futures_unordered(timeline: Timeline) -> Vec<u64> {
    let mut running: FuturesUnordered<_> = JOBS
        .into_iter()
        .map(|(name, secs)| job(timeline, name, secs))
        .collect();
    let mut order = Vec::new();
    while let Some(secs) = running.next().await {
        timeline.say(format_args!("main: future finished -> {secs}"));
        order.push(secs);
    }
    order
}
// ANCHOR_END: unordered

/// The tour section.
pub fn show() {
    shared::runtime::block_on(async {
        let timeline = Timeline::start();
        join_next(timeline).await;
        futures_unordered(timeline).await;
    });
}
