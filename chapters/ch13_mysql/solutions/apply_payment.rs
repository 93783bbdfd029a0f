use sqlx::MySqlPool;

// ANCHOR: solution
/// Exercise `apply_payment`: the primary key of `ch13_payments` decides who applies it.
pub async fn apply_payment(
    pool: &MySqlPool,
    payment_id: &str,
    account: i32,
    amount: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let recorded =
        sqlx::query("INSERT IGNORE INTO ch13_payments (id, account, amount) VALUES (?, ?, ?)")
            .bind(payment_id)
            .bind(account)
            .bind(amount)
            .execute(&mut *tx)
            .await?;
    if recorded.rows_affected() == 0 {
        return Ok(false); // applied before: dropping `tx` rolls back nothing
    }
    sqlx::query("UPDATE ch13_accounts SET balance = balance + ? WHERE id = ?")
        .bind(amount)
        .bind(account)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
// ANCHOR_END: solution
