//! # Chapter 13 exercises — your attempts
//!
//! Fill in the functions below, then run `just exercise ch13`: the chapter's exercise tests run
//! against this file instead of the reference solutions, on the same real server as the
//! chapter's other tests. Stuck? `just hint ch13 page_after`. The statements, with the
//! solutions folded away, are also in the book's chapter 13.
#![allow(unused_variables)] // the stubs ignore their arguments until you write them

use crate::memory::Item;
use sqlx::{MySqlConnection, MySqlPool};

// ANCHOR: page_after
/// Exercise `page_after`: one page of `ch13_items` (see [`crate::memory`]) in id order, by
/// *keyset pagination*: the `limit` items whose id comes right after `after` (the last id of
/// the previous page; `None` for the first page).
///
/// The tests check that pages stay right when rows are deleted between two pages, and that a
/// page deep in a 100k-row table reads about `limit` rows on the server, not every row before
/// it (they count the server's row reads on `conn`).
pub async fn page_after(
    conn: &mut MySqlConnection,
    after: Option<i32>,
    limit: u32,
) -> Result<Vec<Item>, sqlx::Error> {
    todo!("exercise `page_after` is not written yet (ask for a hint: just hint ch13 page_after)")
}
// ANCHOR_END: page_after

// ANCHOR: apply_payment
/// Exercise `apply_payment`: credit `amount` to account `account` of `ch13_accounts` (see
/// [`crate::transfer`]) for the payment `payment_id`, *at most once*: a client that retries
/// (its first request timed out, but did arrive) must not be paid twice. Record the payment in
/// `ch13_payments (id VARCHAR(64) PRIMARY KEY, account INT, amount BIGINT)`.
///
/// Return `Ok(true)` when this call applied the payment, `Ok(false)` when it had been applied
/// already. The tests send the same payment from 20 tasks at once: exactly one of them applies
/// it, none fails, and the balance moves once.
pub async fn apply_payment(
    pool: &MySqlPool,
    payment_id: &str,
    account: i32,
    amount: i64,
) -> Result<bool, sqlx::Error> {
    todo!(
        "exercise `apply_payment` is not written yet (ask for a hint: just hint ch13 apply_payment)"
    )
}
// ANCHOR_END: apply_payment
