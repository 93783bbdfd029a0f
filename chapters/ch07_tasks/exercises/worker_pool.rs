// ANCHOR: worker_pool
use std::future::Future;

/// Exercise `worker_pool`: asyncio's queue of jobs and a fixed number of worker tasks.
///
/// Put every job into a queue, start exactly `workers` tasks, and let each one take jobs from
/// the queue and run `work(job).await` until the queue is empty. Return every output (in any
/// order) once all jobs are done. At most `workers` jobs run at a time, and the workers must
/// not wait for each other's jobs.
pub async fn worker_pool<J, F, Fut>(jobs: Vec<J>, workers: usize, work: F) -> Vec<Fut::Output>
where
    J: Send + 'static,
    F: Fn(J) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    todo!("exercise `worker_pool` is not written yet (ask for a hint: just hint ch07 worker_pool)")
}
// ANCHOR_END: worker_pool
