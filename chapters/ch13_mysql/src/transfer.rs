//! Transactions: a transfer between two accounts, all or nothing.
//!
//! aiomysql: `await conn.begin()`, the two `UPDATE`s, `await conn.commit()`, and an `except:`
//! that calls `await conn.rollback()`. Forget the `except` (or get cancelled inside it) and the
//! connection goes back to the pool with the transaction still open.
//!
//! sqlx: `pool.begin()` gives a [`sqlx::Transaction`]; `commit()` consumes it, and dropping it
//! without a commit rolls back. So every way out of [`transfer`] that is not the commit rolls
//! back: an error returned half-way with `?`, a panic, and the future itself being dropped half-way
//! (a `timeout`, a `select!`, a cancelled task; chapter 10's missing async `Drop`). The drop only
//! queues the `ROLLBACK`; the pool sends it before it hands the connection to anyone else, and
//! if the connection is closed instead, the server rolls back an unfinished transaction itself.

use sqlx::MySqlPool;
use std::fmt;
use std::future::Future;
use std::time::Duration;

/// The two sample accounts and their opening balances.
pub const OPENING: [(i32, &str, i64); 2] = [(1, "alice", 100), (2, "bob", 50)];

/// Why a transfer did not happen. Whatever the reason, no money moved.
#[derive(Debug)]
pub enum TransferError {
    /// The payer does not exist or cannot cover the amount.
    InsufficientFunds { from: i32, amount: i64 },
    /// The payee does not exist: found out after the payer was debited.
    NoSuchAccount(i32),
    /// The server or the connection failed.
    Database(sqlx::Error),
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferError::InsufficientFunds { from, amount } => {
                write!(f, "account {from} cannot pay {amount}")
            }
            TransferError::NoSuchAccount(id) => write!(f, "there is no account {id}"),
            TransferError::Database(error) => write!(f, "{}", crate::database::describe(error)),
        }
    }
}

impl std::error::Error for TransferError {}

impl From<sqlx::Error> for TransferError {
    fn from(error: sqlx::Error) -> Self {
        TransferError::Database(error)
    }
}

/// (Re)create `ch13_accounts` with the [`OPENING`] balances.
pub async fn create(pool: &MySqlPool) -> Result<(), sqlx::Error> {
    sqlx::query("DROP TABLE IF EXISTS ch13_accounts")
        .execute(pool)
        .await?;
    sqlx::query(
        "CREATE TABLE ch13_accounts (
             id INT PRIMARY KEY,
             owner VARCHAR(50) NOT NULL,
             balance BIGINT NOT NULL
         ) ENGINE = InnoDB",
    )
    .execute(pool)
    .await?;
    for (id, owner, balance) in OPENING {
        sqlx::query("INSERT INTO ch13_accounts (id, owner, balance) VALUES (?, ?, ?)")
            .bind(id)
            .bind(owner)
            .bind(balance)
            .execute(pool)
            .await?;
    }
    Ok(())
}

// ANCHOR: transfer
/// Move `amount` from account `from` to account `to` in one transaction. `between` is awaited
/// between the debit and the credit: work done half-way, such as a call to another service.
pub async fn transfer(
    pool: &MySqlPool,
    from: i32,
    to: i32,
    amount: i64,
    between: impl Future<Output = ()>,
) -> Result<(), TransferError> {
    let mut tx = pool.begin().await?;
    let debited =
        sqlx::query("UPDATE ch13_accounts SET balance = balance - ? WHERE id = ? AND balance >= ?")
            .bind(amount)
            .bind(from)
            .bind(amount)
            .execute(&mut *tx)
            .await?;
    if debited.rows_affected() != 1 {
        return Err(TransferError::InsufficientFunds { from, amount });
    }
    between.await;
    let credited = sqlx::query("UPDATE ch13_accounts SET balance = balance + ? WHERE id = ?")
        .bind(amount)
        .bind(to)
        .execute(&mut *tx)
        .await?;
    if credited.rows_affected() != 1 {
        // Half-way: `from` is already debited. Returning drops `tx`: ROLLBACK.
        return Err(TransferError::NoSuchAccount(to));
    }
    tx.commit().await?;
    Ok(())
}
// ANCHOR_END: transfer

/// Every account's balance, in id order.
pub async fn balances(pool: &MySqlPool) -> Result<Vec<(i32, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT id, balance FROM ch13_accounts ORDER BY id")
        .fetch_all(pool)
        .await
}

/// The money in all accounts together: what no transfer may change.
pub async fn total(pool: &MySqlPool) -> Result<i64, sqlx::Error> {
    // SUM of BIGINT is a DECIMAL in MySQL; cast it back to a 64-bit integer.
    sqlx::query_scalar("SELECT CAST(COALESCE(SUM(balance), 0) AS SIGNED) FROM ch13_accounts")
        .fetch_one(pool)
        .await
}

/// The tour's section: one transfer that works, one that fails half-way, one cancelled.
pub fn show() {
    crate::database::run_listing(|url| async move {
        let pool = crate::database::pool(&url, 2).await?;
        create(&pool).await?;
        shared::outln!(
            "opening:   {:?}, total {}",
            balances(&pool).await?,
            total(&pool).await?
        );
        let outcome = transfer(&pool, 1, 2, 30, async {}).await;
        report("1 → 2, 30", outcome.map_err(|e| e.to_string()), &pool).await?;
        let outcome = transfer(&pool, 1, 3, 30, async {}).await;
        report("1 → 3, 30", outcome.map_err(|e| e.to_string()), &pool).await?;
        let outcome = tokio::time::timeout(
            Duration::from_millis(100),
            transfer(&pool, 1, 2, 30, tokio::time::sleep(Duration::from_secs(1))),
        )
        .await;
        let outcome = match outcome {
            Ok(done) => done.map_err(|e| e.to_string()),
            Err(_) => Err("cancelled after 0.1 s, between debit and credit".to_owned()),
        };
        report("1 → 2, 30", outcome, &pool).await?;
        pool.close().await;
        Ok(())
    });
}

async fn report(
    what: &str,
    outcome: Result<(), String>,
    pool: &MySqlPool,
) -> Result<(), sqlx::Error> {
    let status = match outcome {
        Ok(()) => "committed".to_owned(),
        Err(why) => format!("rolled back ({why})"),
    };
    shared::outln!("{what}: {status}");
    shared::outln!(
        "  now:     {:?}, total {}",
        balances(pool).await?,
        total(pool).await?
    );
    Ok(())
}
