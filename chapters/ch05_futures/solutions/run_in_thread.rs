// ANCHOR: solution
/// Exercise `run_in_thread`: a thread for the job, a oneshot for its result.
pub async fn run_in_thread<T: Send + 'static>(
    job: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        // If `job` panics, `tx` is dropped unsent while the thread unwinds: `rx` gets an error.
        let _ = tx.send(job());
    });
    rx.await.ok() // parks this task only; the runtime runs others meanwhile
}
// ANCHOR_END: solution
