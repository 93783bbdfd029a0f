//! `' OR '1'='1` leaks every row from a string-built query and none from a bound one.

mod common;

use ch13_mysql::injection::{ATTACK, find_by_name, find_by_name_string_built};
use ch13_mysql::users;
use common::{check_eq, with_pool};
use libtest_mimic::{Failed, Trial};

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "the_attack_leaks_every_row_from_the_string_built_query",
            the_attack_leaks_every_row_from_the_string_built_query,
        ),
        Trial::test(
            "the_bound_query_finds_no_one_called_that",
            the_bound_query_finds_no_one_called_that,
        ),
    ])
}

fn the_attack_leaks_every_row_from_the_string_built_query() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(
            find_by_name_string_built(&pool, "bob").await?.len(),
            1,
            "an honest name",
        )?;
        let leaked = find_by_name_string_built(&pool, ATTACK).await?;
        check_eq(leaked, users::all(&pool).await?, "the attack")
    })
}

fn the_bound_query_finds_no_one_called_that() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(find_by_name(&pool, "bob").await?.len(), 1, "an honest name")?;
        check_eq(find_by_name(&pool, ATTACK).await?, vec![], "the attack")?;
        // The quote is data: a user really called that is found, and only them.
        sqlx::query("INSERT INTO ch13_users (name, email) VALUES (?, 'm@example.org')")
            .bind(ATTACK)
            .execute(&pool)
            .await?;
        let found = find_by_name(&pool, ATTACK).await?;
        check_eq(
            found.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
            vec![ATTACK],
            "a user with that name",
        )
    })
}
