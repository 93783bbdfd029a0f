use super::exit_all;
use crate::context_manager::Outcome;
use crate::dyn_manager::Boxed;

// ANCHOR: solution
/// Exercise `enter_all`: all entered, or none left open.
pub async fn enter_all<E>(managers: Vec<Boxed<E>>) -> Result<Vec<Boxed<E>>, E> {
    let mut entered = Vec::with_capacity(managers.len());
    for mut manager in managers {
        if let Err(error) = manager.enter().await {
            // Undo what was done: the ones entered so far, last first. The enter error is the
            // news; an exit error on top of it would only hide it.
            let _ = exit_all(entered, Outcome::Failed).await;
            return Err(error);
        }
        entered.push(manager);
    }
    Ok(entered)
}
// ANCHOR_END: solution
