//! The article's query as written, and fixed.

mod common;

use ch13_mysql::article_listing::{ARTICLE_QUERY, Account, list_accounts, run_as_written};
use ch13_mysql::database::grant_read_accounts;
use common::{check, with_pool};
use libtest_mimic::{Failed, Trial};
use sqlx::mysql::MySqlDatabaseError;

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "the_stray_comma_is_a_syntax_error_1064",
            the_stray_comma_is_a_syntax_error_1064,
        ),
        Trial::test(
            "reading_the_accounts_needs_a_grant",
            reading_the_accounts_needs_a_grant,
        ),
    ])
}

fn the_stray_comma_is_a_syntax_error_1064() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        check(
            ARTICLE_QUERY.contains("User, FROM"),
            "the query is sent as the article wrote it",
        )?;
        let error = run_as_written(&pool).await.expect_err("a syntax error");
        let server = error
            .as_database_error()
            .map(|e| e.downcast_ref::<MySqlDatabaseError>())
            .ok_or_else(|| format!("not a server error: {error}"))?;
        check(
            server.number() == 1064,
            format!("error {}", server.number()),
        )?;
        check(
            server.message().contains("near 'FROM user'"),
            server.message().to_owned(),
        )
    })
}

fn reading_the_accounts_needs_a_grant() -> Result<(), Failed> {
    let server = shared::services::mariadb::MariaDbServer::shared()?;
    with_pool(1, |pool, url| async move {
        let user = url
            .split_once("://")
            .and_then(|(_, r)| r.split(':').next())
            .unwrap_or("");
        match list_accounts(&pool).await {
            // The reader's own server, with a user that may already read it.
            Ok(accounts) if !server.is_private() => check(
                accounts.iter().any(|a| a.user == user),
                format!("{user} in {accounts:?}"),
            ),
            Ok(accounts) => {
                Err(format!("the chapter's user read {accounts:?} without a grant").into())
            }
            Err(error) => {
                let number = error
                    .as_database_error()
                    .map(|e| e.downcast_ref::<MySqlDatabaseError>().number());
                check(number == Some(1142), format!("{error}"))?;
                if !server.is_private() {
                    return Ok(()); // no administrator here: the refusal is what there is to see
                }
                grant_read_accounts()?;
                let accounts = list_accounts(&pool).await?;
                check(
                    accounts.contains(&Account {
                        host: "localhost".into(),
                        user: "root".into(),
                    }),
                    format!("root@localhost in {accounts:?}"),
                )?;
                check(
                    accounts.iter().any(|a| a.user == user),
                    format!("{user} in {accounts:?}"),
                )
            }
        }
    })
}
