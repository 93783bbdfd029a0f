//! What the chapter's tests share: a task that is always ready and counts its turns.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::task::JoinHandle;

/// A task that counts every time it gets the thread, then yields. On a current-thread runtime
/// it can only get a turn when the code under test yields, so its count shows whether that code
/// let other tasks run, without timing anything. Aborted when dropped.
pub struct TurnCounter {
    turns: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl TurnCounter {
    /// Spawn it on the current runtime.
    pub fn spawn() -> Self {
        let turns = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&turns);
        let task = tokio::spawn(async move {
            loop {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::task::yield_now().await;
            }
        });
        TurnCounter { turns, task }
    }

    /// The turns it has had so far.
    pub fn turns(&self) -> usize {
        self.turns.load(Ordering::SeqCst)
    }
}

impl Drop for TurnCounter {
    fn drop(&mut self) {
        self.task.abort();
    }
}
