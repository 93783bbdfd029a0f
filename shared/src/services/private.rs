//! What a private Redis server and a private MariaDB server have in common: a temporary folder
//! and the process that runs in it, behind one lock, so that stopping, restarting, shutting
//! down and dropping work the same way for both. Each kind of server says only how it starts
//! ([`Setup::start`]).

use super::ServiceError;
use super::process::{self, Guarded};
use std::path::{Path, PathBuf};
use std::process::Child;
use std::sync::{Mutex, MutexGuard};
use tempfile::TempDir;

/// How one kind of private server starts: what [`Private::restart`] needs to start it again
/// the same way (its port, its options).
pub(super) trait Setup {
    /// The server's name in messages: `Redis`.
    const NAME: &'static str;
    /// The environment variable naming the reader's own server, for messages.
    const URL_VAR: &'static str;

    /// Start the server in `folder` and wait until it answers.
    fn start(&self, folder: &Path) -> Result<Guarded, ServiceError>;
}

/// The private part of a server handle: empty for the reader's own server. Dropping it stops
/// the server and removes its folder.
#[derive(Debug)]
pub(super) struct Private<S: Setup>(Option<Mutex<Parts<S>>>);

#[derive(Debug)]
struct Parts<S> {
    setup: S,
    /// `None` once shut down for good (the folder is gone).
    folder: Option<TempDir>,
    /// `None` while stopped.
    process: Option<Guarded>,
}

/// Start a server with `attempt` on a free port. A free port can be taken by someone else
/// before the server binds it: then try another, three times in all.
pub(super) fn on_a_free_port<T>(
    mut attempt: impl FnMut(u16) -> Result<T, ServiceError>,
) -> Result<T, ServiceError> {
    let mut last_error = None;
    for _ in 0..3 {
        match attempt(process::free_port()?) {
            Ok(started) => return Ok(started),
            Err(error) => last_error = Some(error),
        }
    }
    Err(last_error.expect("three attempts were made"))
}

impl<S: Setup> Private<S> {
    /// No private server: the reader's own, from the URL in [`Setup::URL_VAR`].
    pub(super) fn none() -> Self {
        Private(None)
    }

    /// A server this process started: `process`, running in `folder`.
    pub(super) fn started(setup: S, folder: TempDir, process: Guarded) -> Self {
        Private(Some(Mutex::new(Parts {
            setup,
            folder: Some(folder),
            process: Some(process),
        })))
    }

    pub(super) fn is_private(&self) -> bool {
        self.0.is_some()
    }

    /// What `read` takes from the setup of a private server; `None` for the reader's.
    pub(super) fn read<T>(&self, read: impl FnOnce(&S) -> T) -> Option<T> {
        self.0.as_ref().map(|parts| read(&lock(parts).setup))
    }

    /// See `stop` on the server types.
    pub(super) fn stop(&self) -> Result<(), ServiceError> {
        let mut parts = self.lock("stop")?;
        if let Some(process) = parts.process.take() {
            process.stop();
        }
        Ok(())
    }

    /// See `restart` on the server types.
    pub(super) fn restart(&self) -> Result<(), ServiceError> {
        let mut parts = self.lock("restart")?;
        if parts.process.is_some() {
            return Ok(());
        }
        let folder = parts
            .folder
            .as_ref()
            .ok_or_else(|| ServiceError::Failed(format!("this {} server was shut down", S::NAME)))?
            .path()
            .to_path_buf();
        parts.process = Some(parts.setup.start(&folder)?);
        Ok(())
    }

    /// See `folder` on the server types.
    pub(super) fn folder(&self) -> Option<PathBuf> {
        let parts = lock(self.0.as_ref()?);
        Some(parts.folder.as_ref()?.path().to_path_buf())
    }

    /// See `abandon` on the server types.
    pub(super) fn abandon(&self) -> Result<(Child, Child), ServiceError> {
        let mut parts = self.lock("abandon")?;
        let process = parts.process.take().ok_or_else(|| {
            ServiceError::Failed(format!("this {} server is not running", S::NAME))
        })?;
        let (server, watchdog, lifeline) = process.into_parts();
        drop(lifeline);
        Ok((server, watchdog))
    }

    /// Stop the server for good and remove its folder; nothing for the reader's server.
    pub(super) fn shut_down(&self) {
        if let Some(parts) = &self.0 {
            let mut parts = lock(parts);
            if let Some(process) = parts.process.take() {
                process.stop();
            }
            parts.folder.take();
        }
    }

    fn lock(&self, what: &str) -> Result<MutexGuard<'_, Parts<S>>, ServiceError> {
        let parts = self.0.as_ref().ok_or_else(|| {
            ServiceError::NotPrivate(format!(
                "cannot {what} the server in {}: only a private server can be stopped",
                S::URL_VAR
            ))
        })?;
        Ok(lock(parts))
    }
}

impl<S: Setup> Drop for Private<S> {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// The lock, also after a panic while it was held: every step leaves the parts consistent.
fn lock<S>(parts: &Mutex<Parts<S>>) -> MutexGuard<'_, Parts<S>> {
    parts
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
