//! Solution to `sleep_anywhere`: the timer lives on the tokio runtime, the caller awaits a handle.

// ANCHOR: solution
use std::time::Duration;

/// Sleep on `handle`'s runtime; any executor can await the `JoinHandle`.
pub async fn sleep_anywhere(handle: tokio::runtime::Handle, duration: Duration) {
    // `tokio::time::sleep(duration)` itself must run on the runtime (it looks the timer up when
    // called), so it goes inside the spawned block, not in the argument of `spawn`.
    handle
        .spawn(async move { tokio::time::sleep(duration).await })
        .await
        .expect("a sleep does not panic");
}
// ANCHOR_END: solution
