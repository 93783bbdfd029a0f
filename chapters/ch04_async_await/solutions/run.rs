// ANCHOR: solution
/// Exercise `run`: `asyncio.run` written by hand.
pub fn run<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all() // without the time driver, the first `sleep` panics
        .build()
        .expect("a runtime only needs an epoll instance")
        .block_on(future)
}
// ANCHOR_END: solution
