//! The record of a crawl: one [`Entry`] per URL, printed as a summary table and written, with
//! `--report FILE`, as JSON lines (one object per URL).

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// What became of a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Downloaded and renamed to its final name.
    Saved,
    /// Complete from an earlier run (`--resume`).
    Skipped,
    /// Not fetched: the host's robots.txt disallows it (`--robots`).
    Disallowed,
    /// Given up: `error` says why.
    Failed,
    /// Stopped by Ctrl-C.
    Cancelled,
}

/// One URL's line in the report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub url: String,
    pub outcome: Outcome,
    /// The URL after redirects.
    pub final_url: Option<String>,
    /// The last HTTP status received.
    pub status: Option<u16>,
    /// Where the body is, relative to `--out`.
    pub path: Option<String>,
    pub bytes: Option<u64>,
    pub attempts: u32,
    /// The error and its causes, outermost first.
    pub error: Option<Vec<String>>,
}

impl Entry {
    pub fn new(url: String, outcome: Outcome) -> Self {
        Entry {
            url,
            outcome,
            final_url: None,
            status: None,
            path: None,
            bytes: None,
            attempts: 0,
            error: None,
        }
    }
}

/// Write the entries as JSON lines to `path` (through a temporary file and a rename, like
/// the downloads).
pub fn write_json_lines(entries: &[Entry], path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    for entry in entries {
        serde_json::to_writer(&mut file, entry)?;
        file.write_all(b"\n")?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The summary printed at the end: counts, then every URL that was not saved and why.
pub fn summary(entries: &[Entry]) -> String {
    let count = |o: Outcome| entries.iter().filter(|e| e.outcome == o).count();
    let bytes: u64 = entries
        .iter()
        .filter(|e| e.outcome == Outcome::Saved)
        .filter_map(|e| e.bytes)
        .sum();
    let mut text = format!(
        "{:<10}{:>8}\n{:<10}{:>8}  ({bytes} bytes)\n{:<10}{:>8}\n{:<10}{:>8}\n{:<10}{:>8}\n",
        "urls",
        entries.len(),
        "saved",
        count(Outcome::Saved),
        "skipped",
        count(Outcome::Skipped),
        "failed",
        count(Outcome::Failed),
        "cancelled",
        count(Outcome::Cancelled),
    );
    let disallowed = count(Outcome::Disallowed);
    if disallowed > 0 {
        text.push_str(&format!(
            "{:<10}{disallowed:>8}  (by robots.txt)\n",
            "disallowed"
        ));
    }
    for entry in entries.iter().filter(|e| e.outcome == Outcome::Failed) {
        let why = entry.error.as_deref().unwrap_or_default().join(": ");
        text.push_str(&format!(
            "failed    {}  ({} attempts): {why}\n",
            entry.url, entry.attempts
        ));
    }
    text
}
