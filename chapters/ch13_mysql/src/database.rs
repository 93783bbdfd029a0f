//! Where the chapter's database comes from, and how its errors are printed.
//!
//! The article hard-codes `host`, `user` and `password` in a dict in the source. Here the whole
//! configuration is one URL, `mysql://user:password@host:port/database`, read from the
//! environment (`DATABASE_URL`), so no password is ever written into a program.

use sqlx::mysql::{MySqlDatabaseError, MySqlPool, MySqlPoolOptions};
use std::future::Future;
use std::time::Duration;

/// The URL of the chapter's database: `DATABASE_URL`.
pub fn database_url() -> Result<String, String> {
    std::env::var("DATABASE_URL").map_err(|_| {
        "set DATABASE_URL=mysql://user:password@127.0.0.1:3306/database (or install \
         mariadb-server so the chapter can start its own)"
            .to_owned()
    })
}

/// A pool of at most `max` connections to `url`, giving up on a connection after 10 s.
pub async fn pool(url: &str, max: u32) -> Result<MySqlPool, sqlx::Error> {
    MySqlPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(10))
        .connect(url)
        .await
}

/// An error as the listings print it: a server error as `error 1064: …` (the number and message
/// the server sent, as aiomysql shows them), anything else as sqlx describes it.
pub fn describe(error: &sqlx::Error) -> String {
    match error
        .as_database_error()
        .and_then(|e| e.try_downcast_ref::<MySqlDatabaseError>())
    {
        Some(server) => format!("error {}: {}", server.number(), server.message()),
        None => error.to_string(),
    }
}

/// Run one listing of the tour: find the database, run `listing` on a real-clock runtime (these
/// listings wait on a real server, which a paused clock cannot speed up), and print any error
/// as one line instead of a panic.
pub fn run_listing<F>(listing: impl FnOnce(String) -> F)
where
    F: Future<Output = Result<(), sqlx::Error>>,
{
    let url = match database_url() {
        Ok(url) => url,
        Err(missing) => {
            shared::outln!("{missing}");
            return;
        }
    };
    if let Err(error) = shared::runtime::real_time().block_on(listing(url)) {
        shared::outln!("the listing failed: {}", describe(&error));
    }
}

/// Let the chapter's user read `mysql.user`, as the server's administrator; the statement run.
pub fn grant_read_accounts() -> Result<String, String> {
    Err("no administrator access to the server in DATABASE_URL".to_owned())
}
