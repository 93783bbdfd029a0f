//! Where the chapter's database comes from, and how its errors are printed.
//!
//! The article hard-codes `host`, `user` and `password` in a dict in the source. Here the whole
//! configuration is one URL, `mysql://user:password@host:port/database`, read from the
//! environment (`DATABASE_URL`), so no password is ever written into a program. Without it the
//! chapter starts a private MariaDB of its own, with a generated password.

use shared::services::mariadb::MariaDbServer;
use sqlx::mysql::{MySqlDatabaseError, MySqlPool, MySqlPoolOptions};
use std::future::Future;
use std::time::Duration;

/// The chapter's server: the one in `DATABASE_URL`, or a private MariaDB the chapter starts
/// (see [`shared::services::mariadb`]). Without either, the tour prints what to install and
/// exits with status 2.
pub fn server() -> &'static MariaDbServer {
    MariaDbServer::shared_or_exit()
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
    let url = server().url().to_owned();
    if let Err(error) = shared::runtime::real_time().block_on(listing(url)) {
        shared::outln!("the listing failed: {}", describe(&error));
    }
}

/// Let the chapter's user read `mysql.user`, as the server's administrator: the statement run,
/// or why it could not be (only a private server gives the chapter administrator access).
pub fn grant_read_accounts() -> Result<String, String> {
    let server = server();
    let user = user_of(server.url()).ok_or("the URL names no user")?;
    let grant = format!("GRANT SELECT ON mysql.user TO '{user}'@'localhost', '{user}'@'%'");
    server
        .execute_as_admin(&grant)
        .map(|_| format!("{grant} (as root)"))
        .map_err(|e| e.to_string())
}

/// The user name in `mysql://user:password@host/…`.
fn user_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let (credentials, _) = rest.rsplit_once('@')?;
    Some(credentials.split(':').next().unwrap_or(credentials))
}
