use crate::named_task::{Finished, NamedTask};
use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::task::Poll;

// ANCHOR: solution
/// Exercise `first_completed`: the first task to finish, and the others still running.
pub async fn first_completed<T>(
    mut tasks: Vec<NamedTask<T>>,
) -> Option<(Finished<T>, Vec<NamedTask<T>>)> {
    if tasks.is_empty() {
        return None; // nothing would ever wake us
    }
    // Poll every task with this task's waker: whichever finishes first wakes us.
    let (index, first) = poll_fn(|cx| {
        for (index, task) in tasks.iter_mut().enumerate() {
            if let Poll::Ready(finished) = Pin::new(task).poll(cx) {
                return Poll::Ready((index, finished));
            }
        }
        Poll::Pending
    })
    .await;
    // `remove`, not `swap_remove`: the others keep their original order.
    tasks.remove(index);
    Some((first, tasks))
}
// ANCHOR_END: solution
