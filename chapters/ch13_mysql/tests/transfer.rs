//! Transfers: committed, rolled back on an error half-way, rolled back when cancelled half-way.

mod common;

use ch13_mysql::transfer::{self, TransferError, balances, total, transfer};
use common::{check, check_eq, with_pool};
use libtest_mimic::{Failed, Trial};
use std::time::Duration;
use tokio::sync::oneshot;

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "a_transfer_moves_the_money_and_keeps_the_total",
            a_transfer_moves_the_money_and_keeps_the_total,
        ),
        Trial::test(
            "an_error_half_way_rolls_back_the_debit",
            an_error_half_way_rolls_back_the_debit,
        ),
        Trial::test(
            "insufficient_funds_move_nothing",
            insufficient_funds_move_nothing,
        ),
        Trial::test(
            "a_transfer_cancelled_half_way_rolls_back_and_releases_its_locks",
            a_transfer_cancelled_half_way_rolls_back_and_releases_its_locks,
        ),
    ])
}

const OPENING: [(i32, i64); 2] = [(1, 100), (2, 50)];

fn a_transfer_moves_the_money_and_keeps_the_total() -> Result<(), Failed> {
    with_pool(2, |pool, _| async move {
        transfer::create(&pool).await?;
        transfer(&pool, 1, 2, 30, async {}).await?;
        check_eq(balances(&pool).await?, vec![(1, 70), (2, 80)], "balances")?;
        check_eq(total(&pool).await?, 150, "total")
    })
}

fn an_error_half_way_rolls_back_the_debit() -> Result<(), Failed> {
    with_pool(2, |pool, _| async move {
        transfer::create(&pool).await?;
        let (debited, was_debited) = oneshot::channel();
        let outcome = transfer(&pool, 1, 3, 30, async move {
            let _ = debited.send(());
        })
        .await;
        check(
            was_debited.await.is_ok(),
            "the failure came after the debit",
        )?;
        check(
            matches!(outcome, Err(TransferError::NoSuchAccount(3))),
            format!("{outcome:?}"),
        )?;
        check_eq(balances(&pool).await?, OPENING.to_vec(), "balances")?;
        check_eq(total(&pool).await?, 150, "total")
    })
}

fn insufficient_funds_move_nothing() -> Result<(), Failed> {
    with_pool(2, |pool, _| async move {
        transfer::create(&pool).await?;
        let outcome = transfer(&pool, 2, 1, 51, async {}).await;
        check(
            matches!(
                outcome,
                Err(TransferError::InsufficientFunds {
                    from: 2,
                    amount: 51
                })
            ),
            format!("{outcome:?}"),
        )?;
        check_eq(balances(&pool).await?, OPENING.to_vec(), "balances")
    })
}

fn a_transfer_cancelled_half_way_rolls_back_and_releases_its_locks() -> Result<(), Failed> {
    // One connection: the next transfer gets the very connection the cancelled one dropped.
    with_pool(1, |pool, _| async move {
        transfer::create(&pool).await?;
        let (debited, was_debited) = oneshot::channel();
        let half_way = transfer(&pool, 1, 2, 30, async move {
            let _ = debited.send(());
            std::future::pending::<()>().await
        });
        tokio::select! {
            outcome = half_way => return Err(format!("the transfer finished: {outcome:?}").into()),
            debited = was_debited => debited?, // dropping `half_way` here cancels it
        }
        check_eq(
            balances(&pool).await?,
            OPENING.to_vec(),
            "balances after the cancel",
        )?;
        // A transaction left open would still lock account 1: this would wait for it.
        tokio::time::timeout(Duration::from_secs(20), transfer(&pool, 1, 2, 10, async {}))
            .await
            .map_err(|_| "account 1 is still locked by the cancelled transaction")??;
        check_eq(
            balances(&pool).await?,
            vec![(1, 90), (2, 60)],
            "balances after the next transfer",
        )
    })
}
