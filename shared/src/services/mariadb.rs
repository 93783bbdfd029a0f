//! A MariaDB server for the MySQL chapter: the reader's (`DATABASE_URL`) or a private one,
//! made with `mariadb-install-db` in a temporary folder and run by `mariadbd` on a free
//! 127.0.0.1 port and a private socket.
//!
//! A private server gets a database `chapter` and a user `chapter` with a generated password;
//! [`MariaDbServer::url`] carries both. Setup goes through the `mariadb` command-line client
//! (installed with the server) as `root` over the private socket, so this crate needs no SQL
//! driver. Starting takes seconds: share one per test binary ([`MariaDbServer::shared`]) and
//! give each test its own database ([`MariaDbServer::create_database`] with
//! [`super::unique_name`]).
//!
//! With `DATABASE_URL` set, `create_database` runs `CREATE DATABASE` as that URL's user,
//! through the same client: that user must be allowed to create databases
//! (`GRANT ALL ON \`ch13\_%\`.* TO 'me'@'%'` is enough for the chapter's tests).

use super::private::{self, Private, Setup as _, on_a_free_port};
use super::process::{self, Guarded};
use super::{ServiceError, generated_password};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The environment variable naming the reader's own server: `mysql://user:pass@host:3306/db`.
pub const URL_VAR: &str = "DATABASE_URL";

/// The server, the tool that creates its data folder, and the client used for setup; each
/// under its MariaDB name or its older MySQL-compatible one.
const SERVER: &[&str] = &["mariadbd", "mysqld"];
const INSTALL_DB: &[&str] = &["mariadb-install-db", "mysql_install_db"];
const CLIENT: &[&str] = &["mariadb", "mysql"];

/// The chapter's database and user on a private server.
const CHAPTER: &str = "chapter";

/// A MariaDB server: the reader's own, or a private one this process started.
#[derive(Debug)]
pub struct MariaDbServer {
    url: String,
    private: Private<Setup>,
}

/// How a private server is started, again the same way on restart.
#[derive(Debug)]
struct Setup {
    socket: PathBuf,
    password: String,
    server: PathBuf,
    port: u16,
    root: bool,
}

static SHARED: OnceLock<Result<MariaDbServer, ServiceError>> = OnceLock::new();

pub(crate) fn missing_binaries() -> &'static [&'static str] {
    match (
        process::find_binary(SERVER).is_some(),
        process::find_binary(INSTALL_DB).is_some(),
        process::find_binary(CLIENT).is_some(),
    ) {
        (true, true, true) => &[],
        (true, true, false) => &["mariadb (the client)"],
        _ => &["mariadbd"],
    }
}

pub(crate) fn stop_shared() {
    if let Some(Ok(server)) = SHARED.get() {
        server.private.shut_down();
    }
}

fn binary(names: &[&'static str]) -> Result<PathBuf, ServiceError> {
    process::find_binary(names).ok_or_else(|| ServiceError::Missing(vec![names[0]]))
}

impl MariaDbServer {
    /// The process's server: `DATABASE_URL` if set, otherwise a private server started on
    /// first use (a few seconds) and stopped when the process ends. Blocks while it starts;
    /// call it before entering a runtime or from `spawn_blocking`.
    pub fn shared() -> Result<&'static MariaDbServer, ServiceError> {
        SHARED
            .get_or_init(|| match std::env::var(URL_VAR) {
                Ok(url) => Ok(MariaDbServer {
                    url,
                    private: Private::none(),
                }),
                Err(_) => MariaDbServer::start_private(),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// For tour sections: [`MariaDbServer::shared`], or print what to install and exit 2.
    pub fn shared_or_exit() -> &'static MariaDbServer {
        super::or_exit(MariaDbServer::shared())
    }

    /// A server of the caller's own, whatever `DATABASE_URL` says; stopped and removed when
    /// dropped.
    pub fn start_private() -> Result<MariaDbServer, ServiceError> {
        let server = binary(SERVER)?;
        let install_db = binary(INSTALL_DB)?;
        binary(CLIENT)?;
        let folder = tempfile::Builder::new()
            .prefix("mariadb-")
            .tempdir()
            .map_err(|e| ServiceError::Failed(format!("no temporary folder for MariaDB: {e}")))?;
        let data = folder.path().join("data");
        let root = process::running_as_root();
        let mut install = Command::new(&install_db);
        install
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .args(["--auth-root-authentication-method=normal", "--skip-test-db"]);
        if root {
            install.arg("--user=root");
        }
        process::run(install, "mariadb-install-db")?;

        let (setup, process) = on_a_free_port(|port| {
            let setup = Setup {
                socket: folder.path().join("mariadb.sock"),
                password: generated_password(),
                server: server.clone(),
                port,
                root,
            };
            let process = setup.start(folder.path())?;
            Ok((setup, process))
        })?;
        let password = setup.password.clone();
        let url = format!(
            "mysql://{CHAPTER}:{password}@127.0.0.1:{}/{CHAPTER}",
            setup.port
        );
        let server = MariaDbServer {
            url,
            private: Private::started(setup, folder, process),
        };
        server.execute_as_admin(&format!(
            "CREATE DATABASE {CHAPTER};
             CREATE USER '{CHAPTER}'@'%' IDENTIFIED BY '{password}';
             CREATE USER '{CHAPTER}'@'localhost' IDENTIFIED BY '{password}';
             GRANT ALL ON {CHAPTER}.* TO '{CHAPTER}'@'%';
             GRANT ALL ON {CHAPTER}.* TO '{CHAPTER}'@'localhost';"
        ))?;
        Ok(server)
    }

    /// Where to connect: `mysql://chapter:PASSWORD@127.0.0.1:PORT/chapter`, or the reader's
    /// `DATABASE_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether this process started the server (rather than using `DATABASE_URL`).
    pub fn is_private(&self) -> bool {
        self.private.is_private()
    }

    /// Create database `name` (letters, digits and `_` only) if it does not exist, give the
    /// chapter's user every right on it, and return the URL that connects to it.
    ///
    /// With `DATABASE_URL`, this runs as that URL's user, who must be allowed to create it.
    pub fn create_database(&self, name: &str) -> Result<String, ServiceError> {
        if name.is_empty()
            || name.len() > 64
            || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return Err(ServiceError::Failed(format!(
                "`{name}` is not a database name this helper creates: use letters, digits and _"
            )));
        }
        if self.private.is_private() {
            self.execute_as_admin(&format!(
                "CREATE DATABASE IF NOT EXISTS `{name}`;
                 GRANT ALL ON `{name}`.* TO '{CHAPTER}'@'%';
                 GRANT ALL ON `{name}`.* TO '{CHAPTER}'@'localhost';"
            ))?
        } else {
            self.execute_as_reader(&format!("CREATE DATABASE IF NOT EXISTS `{name}`"))?
        };
        let (base, _database) = self.url.rsplit_once('/').ok_or_else(|| {
            ServiceError::Failed(format!("{URL_VAR} has no database part: {}", self.url))
        })?;
        Ok(format!("{base}/{name}"))
    }

    /// Run SQL statements as the private server's `root` (over its socket) and return what the
    /// client printed (tab-separated, no headers): for setup a chapter's user may not do, such
    /// as `GRANT SELECT ON mysql.user TO 'chapter'@'%'`.
    pub fn execute_as_admin(&self, sql: &str) -> Result<String, ServiceError> {
        let socket = self
            .private
            .read(|setup| setup.socket.clone())
            .ok_or_else(|| {
                ServiceError::NotPrivate(format!(
                    "no admin access to the server in {URL_VAR}; ask its administrator"
                ))
            })?;
        client_as_root(&socket, sql)
    }

    /// Kill a private server (as if it crashed; InnoDB recovers on restart). Its port, socket
    /// and data stay for [`MariaDbServer::restart`]; clients see refused connections meanwhile.
    pub fn stop(&self) -> Result<(), ServiceError> {
        self.private.stop()
    }

    /// Start a stopped private server again: same port, same data, same users.
    pub fn restart(&self) -> Result<(), ServiceError> {
        self.private.restart()
    }

    /// For tests and tools: the folder a private server runs in (its data, its log); `None`
    /// for the reader's server, and once the server is shut down.
    pub fn folder(&self) -> Option<PathBuf> {
        self.private.folder()
    }

    fn execute_as_reader(&self, sql: &str) -> Result<String, ServiceError> {
        let parsed = ParsedUrl::parse(&self.url)?;
        let mut command = Command::new(binary(CLIENT)?);
        command
            .args([
                "--no-defaults",
                "--batch",
                "--skip-column-names",
                "--protocol=TCP",
            ])
            .arg(format!("--host={}", parsed.host))
            .arg(format!("--port={}", parsed.port))
            .arg(format!("--user={}", parsed.user))
            .args(["-e", sql])
            // The password goes through the environment, never on a command line `ps` shows.
            .env("MYSQL_PWD", parsed.password);
        process::run(command, "the mariadb client")
    }
}

impl private::Setup for Setup {
    const NAME: &'static str = "MariaDB";
    const URL_VAR: &'static str = URL_VAR;

    fn start(&self, folder: &Path) -> Result<Guarded, ServiceError> {
        let (port, root) = (self.port, self.root);
        let log = folder.join("mariadb.log");
        let mut command = Command::new(&self.server);
        command
            .arg("--no-defaults")
            .arg(format!("--datadir={}", folder.join("data").display()))
            .arg(format!("--socket={}", self.socket.display()))
            .arg(format!(
                "--pid-file={}",
                folder.join("mariadb.pid").display()
            ))
            .arg(format!("--log-error={}", log.display()))
            .arg(format!("--port={port}"))
            .args(["--bind-address=127.0.0.1", "--skip-name-resolve"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // mariadbd refuses to run as root unless told which user to run as.
        if root {
            command.arg("--user=root");
        }
        let ready = || client_as_root(&self.socket, "SELECT 1").is_ok();
        process::start_when_ready("mariadbd", command, folder, &log, ready)
    }
}

fn client_as_root(socket: &Path, sql: &str) -> Result<String, ServiceError> {
    let mut command = Command::new(binary(CLIENT)?);
    command
        .args([
            "--no-defaults",
            "--batch",
            "--skip-column-names",
            "--user=root",
        ])
        .arg(format!("--socket={}", socket.display()))
        .args(["-e", sql]);
    process::run(command, "the mariadb client")
}

/// The parts of a `mysql://user:password@host:port/database` URL the client needs.
#[derive(Debug, PartialEq, Eq)]
struct ParsedUrl {
    user: String,
    password: String,
    host: String,
    port: u16,
}

impl ParsedUrl {
    fn parse(url: &str) -> Result<ParsedUrl, ServiceError> {
        let bad = || {
            ServiceError::Failed(format!(
                "{URL_VAR} is not of the form mysql://user:password@host:port/database"
            ))
        };
        let rest = url
            .strip_prefix("mysql://")
            .or_else(|| url.strip_prefix("mariadb://"))
            .ok_or_else(bad)?;
        let (credentials, address) = rest.rsplit_once('@').ok_or_else(bad)?;
        let (user, password) = credentials.split_once(':').unwrap_or((credentials, ""));
        let address = address.split('/').next().unwrap_or_default();
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().map_err(|_| bad())?),
            None => (address, 3306),
        };
        Ok(ParsedUrl {
            user: user.to_owned(),
            password: password.to_owned(),
            host: host.to_owned(),
            port,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_url_gives_the_client_its_parts() {
        let parsed = ParsedUrl::parse("mysql://me:s3cr@t@db.local:3307/shop").unwrap();
        assert_eq!(
            parsed,
            ParsedUrl {
                user: "me".into(),
                password: "s3cr@t".into(),
                host: "db.local".into(),
                port: 3307
            }
        );
        assert_eq!(ParsedUrl::parse("mysql://me@h/db").unwrap().port, 3306);
        assert!(ParsedUrl::parse("postgres://me@h/db").is_err());
    }
}
