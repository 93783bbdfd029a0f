//! The temporary file a body streams into (`.part-…` beside its final name), renamed to the
//! final name once the body is complete.
//!
//! Files are blocking I/O, so the work goes to tokio's blocking pool; but every trip there is
//! a thread woken and put back to sleep, which costs more than writing a small page. So chunks
//! that are already there are gathered (up to [`BATCH`] bytes) and each batch is one trip: the
//! first creates the file (and the folder, the first time), the last also renames it. A small
//! page that arrives whole is one trip instead of one per step (folder, file, write, rename):
//! the chapter's `crawl_small_pages` benchmark row measures it. A body that trickles in is
//! written as it comes, so nothing waits in memory for the network.
//!
//! Dropping a `PartFile` deletes its temporary file: after an error, a cancelled download,
//! Ctrl-C. A batch still being written when that happens is deleted as soon as it is done.

use crate::fetch::TEMP_PREFIX;
use bytes::Bytes;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// The most bytes gathered before they are written.
pub const BATCH: usize = 64 * 1024;

/// What failed, as the report says it, and why.
pub type PartError = (&'static str, io::Error);

/// A body on its way to `destination`.
#[derive(Debug)]
pub struct PartFile {
    destination: PathBuf,
    /// Created by the first batch.
    temp: Option<NamedTempFile>,
    batch: Vec<Bytes>,
    batched: usize,
}

impl PartFile {
    /// A body for `destination`; nothing is created before the first batch is written.
    pub fn new(destination: &Path) -> PartFile {
        PartFile {
            destination: destination.to_path_buf(),
            temp: None,
            batch: Vec::new(),
            batched: 0,
        }
    }

    /// Add a chunk of the body. The batch is written out when it is full, or when the rest of
    /// the body is not `ready` yet: nothing waits in memory for the network.
    pub async fn write(&mut self, chunk: Bytes, ready: bool) -> Result<(), PartError> {
        self.batched += chunk.len();
        self.batch.push(chunk);
        if self.batched >= BATCH || !ready {
            self.temp = self.write_batch(false).await?;
        }
        Ok(())
    }

    /// Write what is left and give the file its final name.
    pub async fn persist(mut self) -> Result<(), PartError> {
        self.write_batch(true).await.map(drop)
    }

    /// One trip to the blocking pool: create the file if needed, write the batch, and with
    /// `rename` give it its final name.
    async fn write_batch(&mut self, rename: bool) -> Result<Option<NamedTempFile>, PartError> {
        let temp = self.temp.take();
        let batch = std::mem::take(&mut self.batch);
        self.batched = 0;
        let destination = self.destination.clone();
        tokio::task::spawn_blocking(move || {
            let mut temp = match temp {
                Some(temp) => temp,
                None => create(&destination)?,
            };
            for chunk in &batch {
                temp.write_all(chunk)
                    .map_err(|e| ("cannot write the temporary file", e))?;
            }
            if rename {
                temp.persist(&destination)
                    .map_err(|e| ("cannot rename the temporary file", e.error))?;
                return Ok(None);
            }
            Ok(Some(temp))
        })
        .await
        .expect("file writes do not panic")
    }
}

/// A new temporary file beside `destination`, creating its folder if it is not there yet.
fn create(destination: &Path) -> Result<NamedTempFile, PartError> {
    let dir = destination
        .parent()
        .expect("a destination is inside a folder");
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // tempfile makes its files private (0600); a downloaded file is an ordinary one.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    match builder.tempfile_in(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(|e| ("cannot create the output folder", e))?;
            builder.tempfile_in(dir)
        }
        created => created,
    }
    .map_err(|e| ("cannot create a temporary file", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_lands_whole_under_its_final_name_and_nothing_else_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let destination = dir.path().join("host/page.html");
        let mut part = PartFile::new(&destination);
        let chunk = Bytes::from(vec![7u8; 40 * 1024]);
        for _ in 0..5 {
            part.write(chunk.clone(), true).await.unwrap();
        }
        // Two full batches were written: the temporary file exists, the final name does not.
        assert!(!destination.exists());
        assert_eq!(
            std::fs::read_dir(dir.path().join("host")).unwrap().count(),
            1
        );
        part.persist().await.unwrap();
        assert_eq!(std::fs::read(&destination).unwrap(), vec![7u8; 200 * 1024]);
        assert_eq!(
            std::fs::read_dir(dir.path().join("host")).unwrap().count(),
            1
        );
    }

    #[tokio::test]
    async fn a_dropped_body_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let destination = dir.path().join("page.html");
        let mut part = PartFile::new(&destination);
        part.write(Bytes::from(vec![1u8; 10]), true).await.unwrap();
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "a batch waits"
        );
        part.write(Bytes::from(vec![1u8; 10]), false).await.unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        drop(part);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
