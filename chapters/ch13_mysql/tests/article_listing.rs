//! The article's query as written, and fixed.

mod common;

use ch13_mysql::article_listing::{ARTICLE_QUERY, run_as_written};
use common::{check, with_pool};
use libtest_mimic::{Failed, Trial};
use sqlx::mysql::MySqlDatabaseError;

fn main() -> std::process::ExitCode {
    common::run(vec![Trial::test(
        "the_stray_comma_is_a_syntax_error_1064",
        the_stray_comma_is_a_syntax_error_1064,
    )])
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
