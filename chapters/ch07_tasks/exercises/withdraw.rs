// ANCHOR: withdraw
use crate::shared_state::bank::Refused;
use std::time::Duration;
use tokio::sync::Mutex;

/// Exercise `withdraw`: take `amount` out of the account `balance`, shared by many tasks.
///
/// Read the balance. If it is less than `amount`, return `Err(Refused { .. })` at once.
/// Otherwise `crate::shared_state::bank::fraud_check(check).await`, then write the balance minus `amount` and return the
/// new balance. However many tasks withdraw at the same time, the account must never pay out
/// more than it holds.
pub async fn withdraw(balance: &Mutex<u64>, amount: u64, check: Duration) -> Result<u64, Refused> {
    todo!("exercise `withdraw` is not written yet (ask for a hint: just hint ch07 withdraw)")
}
// ANCHOR_END: withdraw
