use std::time::Duration;

// ANCHOR: solution
/// Exercise `gather`: `say_after` sleeps, then returns `what`.
pub async fn say_after(delay: Duration, what: &'static str) -> &'static str {
    tokio::time::sleep(delay).await;
    what
}

/// Exercise `gather`: `asyncio.gather` of two coroutines is `tokio::join!` of two futures.
pub async fn gather_two() -> [&'static str; 2] {
    let (world, hello) = tokio::join!(
        say_after(Duration::from_secs(2), "world"),
        say_after(Duration::from_secs(1), "hello"),
    );
    [world, hello]
}
// ANCHOR_END: solution
