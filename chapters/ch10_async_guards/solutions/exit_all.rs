use crate::context_manager::Outcome;
use crate::dyn_manager::Boxed;

// ANCHOR: solution
/// Exercise `exit_all`: last entered, first exited; every exit runs; the first error wins.
pub async fn exit_all<E>(managers: Vec<Boxed<E>>, outcome: Outcome) -> Result<(), E> {
    let mut first_error = None;
    for manager in managers.into_iter().rev() {
        if let Err(error) = manager.exit(outcome).await {
            first_error.get_or_insert(error); // later errors are dropped, not the exits
        }
    }
    first_error.map_or(Ok(()), Err)
}
// ANCHOR_END: solution
