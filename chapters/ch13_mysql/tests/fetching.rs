//! fetch_all, fetch_one, fetch_optional and fetch as a stream, into `User`.

mod common;

use ch13_mysql::users::{self, User};
use common::{check, check_eq, with_pool};
use libtest_mimic::{Failed, Trial};

fn main() -> std::process::ExitCode {
    common::run(vec![
        Trial::test(
            "fetch_all_reads_every_row_in_order",
            fetch_all_reads_every_row_in_order,
        ),
        Trial::test(
            "fetch_one_without_a_row_is_row_not_found",
            fetch_one_without_a_row_is_row_not_found,
        ),
        Trial::test(
            "fetch_optional_without_a_row_is_none",
            fetch_optional_without_a_row_is_none,
        ),
        Trial::test("fetch_streams_the_same_rows", fetch_streams_the_same_rows),
    ])
}

fn user(id: i32) -> User {
    let (name, email) = users::SAMPLE[id as usize - 1];
    User {
        id,
        name: name.into(),
        email: email.into(),
    }
}

fn fetch_all_reads_every_row_in_order() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(
            users::all(&pool).await?,
            vec![user(1), user(2), user(3)],
            "fetch_all",
        )
    })
}

fn fetch_one_without_a_row_is_row_not_found() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(users::by_id(&pool, 2).await?, user(2), "id 2")?;
        let missing = users::by_id(&pool, 99).await;
        check(
            matches!(missing, Err(sqlx::Error::RowNotFound)),
            format!("id 99: {missing:?}"),
        )
    })
}

fn fetch_optional_without_a_row_is_none() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(
            users::by_name(&pool, "carol").await?,
            Some(user(3)),
            "carol",
        )?;
        check_eq(users::by_name(&pool, "dave").await?, None, "dave")
    })
}

fn fetch_streams_the_same_rows() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        users::create(&pool).await?;
        check_eq(
            users::names_streamed(&pool).await?,
            vec!["alice".to_owned(), "bob".into(), "carol".into()],
            "names",
        )
    })
}
