use std::future::Future;
use std::sync::Arc;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;

/// One queue of jobs, `workers` tasks sharing its receiver behind a `tokio::sync::Mutex`
/// (an `mpsc` receiver has one owner), each holding the lock only while it takes a job.
pub async fn worker_pool<J, F, Fut>(jobs: Vec<J>, workers: usize, work: F) -> Vec<Fut::Output>
where
    J: Send + 'static,
    F: Fn(J) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    let (queue, receiver) = mpsc::unbounded_channel();
    for job in jobs {
        queue.send(job).expect("the receiver is right here");
    }
    drop(queue); // no more jobs: `recv` returns None once the queue is empty
    let receiver = Arc::new(Mutex::new(receiver));
    let work = Arc::new(work);
    let mut pool = JoinSet::new();
    for _ in 0..workers {
        let (receiver, work) = (Arc::clone(&receiver), Arc::clone(&work));
        pool.spawn(async move {
            let mut outputs = Vec::new();
            loop {
                let next = receiver.lock().await.recv().await; // the guard is dropped here
                let Some(job) = next else { break };
                outputs.push(work(job).await);
            }
            outputs
        });
    }
    pool.join_all().await.into_iter().flatten().collect()
}
