//! A private MariaDB server has the chapter's database and user, creates a database of a test's
//! own, survives a stop and restart with its data, and leaves nothing behind when dropped. Run
//! through the services harness: ignored without MariaDB's server and client, failed with
//! `REQUIRE_SERVICES=1`.

mod common;

use common::check;
use libtest_mimic::{Failed, Trial};
use shared::services::mariadb::MariaDbServer;
use shared::services::{Need, run_tests, unique_name};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    run_tests(
        &[Need::PrivateMariaDb],
        vec![Trial::test(
            "a_private_server_has_the_chapter_database_and_user_and_is_removed_when_dropped",
            chapter_database_and_user,
        )],
    )
}

fn chapter_database_and_user() -> Result<(), Failed> {
    let server = MariaDbServer::start_private()?;
    let url = server.url().to_owned();
    check(
        url.starts_with("mysql://chapter:") && url.ends_with("/chapter"),
        &format!("the chapter's user and database in {url}"),
    )?;
    check(
        as_user(&url, "chapter", "SELECT 1")?.trim() == "1",
        "the chapter's user reaches its database",
    )?;
    let own = unique_name("ch13");
    let own_url = server.create_database(&own)?;
    check(own_url.ends_with(&format!("/{own}")), &own_url)?;
    as_user(
        &url,
        &own,
        "CREATE TABLE t (x INT); INSERT INTO t VALUES (7)",
    )?;
    check(
        as_user(&url, &own, "SELECT x FROM t")?.trim() == "7",
        "the row just written",
    )?;
    check(
        as_user(&url, "mysql", "SELECT 1 FROM user").is_err(),
        "the chapter's user cannot read mysql.user",
    )?;
    check(
        server.create_database("x; DROP").is_err(),
        "a database name that is not an identifier is refused",
    )?;
    server.stop()?;
    check(
        as_user(&url, &own, "SELECT x FROM t").is_err(),
        "a stopped server does not answer",
    )?;
    server.restart()?;
    check(
        as_user(&url, &own, "SELECT x FROM t")?.trim() == "7",
        "the data survives a restart",
    )?;
    let folder = server.folder().ok_or("a private server has a folder")?;
    drop(server);
    check(
        !folder.exists(),
        &format!("a dropped server leaves no {}", folder.display()),
    )
}

/// Run `sql` in `database` as the user of `url` (`mysql://chapter:PASSWORD@127.0.0.1:PORT/…`),
/// over TCP, with MariaDB's command-line client; its stdout, or its stderr as the error.
fn as_user(url: &str, database: &str, sql: &str) -> Result<String, Failed> {
    let credentials = url.strip_prefix("mysql://").ok_or("a mysql:// URL")?;
    let (credentials, address) = credentials.rsplit_once('@').ok_or("user@host in the URL")?;
    let (user, password) = credentials
        .split_once(':')
        .ok_or("user:password in the URL")?;
    let (_host, port) = address
        .split('/')
        .next()
        .and_then(|a| a.rsplit_once(':'))
        .ok_or("host:port in the URL")?;
    let client = ["mariadb", "mysql"]
        .into_iter()
        .find(|name| Command::new(name).arg("--version").output().is_ok())
        .ok_or("MariaDB's client, mariadb or mysql, on PATH")?;
    let output = Command::new(client)
        .args(["--no-defaults", "--batch", "--skip-column-names"])
        .args(["--protocol=TCP", "--host=127.0.0.1"])
        .arg(format!("--port={port}"))
        .arg(format!("--user={user}"))
        .args(["-D", database, "-e", sql])
        // The password goes through the environment, never on a command line `ps` shows.
        .env("MYSQL_PWD", password)
        .output()?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr)
            .trim()
            .to_owned()
            .into())
    }
}
