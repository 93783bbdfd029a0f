//! What the chapter's tests share: run a listing on a paused clock and keep what it printed.

use std::future::Future;

/// Run `future` on a current-thread runtime whose clock is paused (sleeps are instant and
/// exact), and return its output together with the lines it printed.
pub fn run_paused<F: Future>(future: F) -> (F::Output, String) {
    shared::output::capture(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .expect("a current-thread runtime builds")
            .block_on(future)
    })
}
