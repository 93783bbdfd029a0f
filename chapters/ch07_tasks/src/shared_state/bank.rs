//! What the `withdraw` exercise works with: an account's refusal and a slow fraud check.
//!
//! The check stands for any call that must happen between reading shared state and writing it
//! back (a database, a remote service): the `.await` where asyncio, and tokio, let another task
//! in.

use std::fmt;
use std::time::Duration;

/// A withdrawal the balance does not cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    /// What the account held when the withdrawal was refused.
    pub balance: u64,
    /// What was asked for.
    pub amount: u64,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot withdraw {} from a balance of {}",
            self.amount, self.balance
        )
    }
}

impl std::error::Error for Refused {}

/// Ask the (pretend) fraud service about a withdrawal; it approves every one, after `delay`.
pub async fn fraud_check(delay: Duration) {
    tokio::time::sleep(delay).await;
}
