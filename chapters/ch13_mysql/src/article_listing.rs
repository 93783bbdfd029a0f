//! 四.2 异步MySQL: the article's aiomysql listing, fixed.
//!
//! The article's version has three problems:
//!
//! - the password (`"qwe123"`) and the server's address sit in the source; here the whole
//!   configuration is one URL from `DATABASE_URL` (see [`crate::database`]);
//! - it prints "连接成功" (connected) *before* it connects;
//! - its query, `SELECT HOST, User, FROM user`, has a stray comma after `User`: the server
//!   answers with error 1064, and the listing never gets to print a row.
//!
//! [`run_as_written`] sends the query exactly as the article does and returns the server's
//! error; [`list_accounts`] sends the fixed query. The accounts table lives in the `mysql`
//! database (the article's `"db": "user"` is a database called `user`, which does not exist on a
//! fresh server), and reading it needs a grant an application's user normally does not have.

use sqlx::{FromRow, MySqlPool};

// ANCHOR: queries
/// The article's query, stray comma included.
pub const ARTICLE_QUERY: &str = "SELECT HOST, User, FROM user";

/// The fixed query: no stray comma, and the table named with its database. (Only the
/// accounts for local logins and logins from anywhere: the server's installer also adds
/// accounts named after the machine, which differ from one machine to the next.)
pub const FIXED_QUERY: &str =
    "SELECT Host, User FROM mysql.user WHERE Host IN ('localhost', '%') ORDER BY User, Host";
// ANCHOR_END: queries

// ANCHOR: account
/// One row of `mysql.user`: who may log in, and from where.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct Account {
    /// The host the account may connect from (`localhost`, `%` for anywhere).
    #[sqlx(rename = "Host")]
    pub host: String,
    /// The account's user name.
    #[sqlx(rename = "User")]
    pub user: String,
}
// ANCHOR_END: account

// ANCHOR: as_written
/// Send the article's query as written and return what the server says.
pub async fn run_as_written(pool: &MySqlPool) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(ARTICLE_QUERY).fetch_all(pool).await
}
// ANCHOR_END: as_written

// ANCHOR: list_accounts
/// The fixed query, each row read into an [`Account`].
pub async fn list_accounts(pool: &MySqlPool) -> Result<Vec<Account>, sqlx::Error> {
    sqlx::query_as::<_, Account>(FIXED_QUERY)
        .fetch_all(pool)
        .await
}
// ANCHOR_END: list_accounts

/// The tour's section: the query as written, then fixed.
pub fn show() {
    crate::database::run_listing(|url| async move {
        let pool = crate::database::pool(&url, 1).await?;
        shared::outln!("connected (after connecting, unlike the article)");
        shared::outln!("{ARTICLE_QUERY}");
        match run_as_written(&pool).await {
            Ok(rows) => shared::outln!("  {} rows?", rows.len()),
            Err(error) => shared::outln!("  {}", crate::database::describe(&error)),
        }
        shared::outln!("{FIXED_QUERY}");
        let mut accounts = list_accounts(&pool).await;
        if let Err(error) = &accounts {
            // The chapter's user may only touch its own database: reading the server's
            // accounts needs a grant (the article simply connects as an administrator).
            shared::outln!(
                "  as the chapter's user: {}",
                crate::database::describe(error)
            );
            match crate::database::grant_read_accounts() {
                Ok(grant) => {
                    shared::outln!("  {grant}");
                    accounts = list_accounts(&pool).await;
                }
                Err(why) => shared::outln!("  cannot grant it: {why}"),
            }
        }
        match accounts {
            Ok(accounts) => {
                for account in accounts {
                    shared::outln!("  {}@{}", account.user, account.host);
                }
            }
            Err(error) => shared::outln!("  {}", crate::database::describe(&error)),
        }
        pool.close().await;
        Ok(())
    });
}
