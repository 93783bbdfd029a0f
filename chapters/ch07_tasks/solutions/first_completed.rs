use crate::named_task::{Finished, NamedTask};

// ANCHOR: solution
/// Exercise `first_completed`: the first task to finish, and the others still running.
pub async fn first_completed<T>(
    tasks: Vec<NamedTask<T>>,
) -> Option<(Finished<T>, Vec<NamedTask<T>>)> {
    if tasks.is_empty() {
        return None; // select_all panics on an empty list
    }
    // select_all polls every task; the first to finish wins, the rest come back untouched.
    let (first, _index, others) = futures::future::select_all(tasks).await;
    Some((first, others))
}
// ANCHOR_END: solution
