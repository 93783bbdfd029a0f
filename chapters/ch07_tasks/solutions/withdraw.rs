use crate::shared_state::bank::{Refused, fraud_check};
use std::time::Duration;
use tokio::sync::Mutex;

/// Hold the lock from the read to the write, across the fraud check: no other withdrawal can
/// read the balance in between.
pub async fn withdraw(balance: &Mutex<u64>, amount: u64, check: Duration) -> Result<u64, Refused> {
    let mut balance = balance.lock().await;
    if *balance < amount {
        return Err(Refused {
            balance: *balance,
            amount,
        });
    }
    fraud_check(check).await;
    *balance -= amount;
    Ok(*balance)
}
