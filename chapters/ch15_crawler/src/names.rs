//! Where a URL is saved: a safe, deterministic path under `--out`.
//!
//! The article cuts the file name out of the URL (`url.split('/')[-1]`): a URL ending in `/`
//! gives an empty name, `..` or `%2e%2e` climbs out of the folder, two URLs with the same last
//! segment overwrite each other. Here a name is built only from characters that mean nothing
//! to a file system (`A-Z a-z 0-9 . _ -`), never starts with a dot, is at most
//! [`MAX_STEM`] bytes long, and ends with a hash of the whole normalised URL, so two URLs never
//! share a file and the same URL always gets the same one (which is what `--resume` relies on).
//! The layout is `<out>/<host>[_<port>]/<path-as-one-name>-<hash>.<ext>`: one folder per host,
//! no deeper, so no URL can make a folder that another URL's file wants as a name.

use sha2::{Digest, Sha256};
use std::path::PathBuf;
use url::Url;

/// The longest part of a name taken from the URL; the hash and extension come on top.
pub const MAX_STEM: usize = 80;

/// Where `url` is saved, relative to the output folder: `<host>/<name>`.
pub fn relative_path(url: &Url) -> PathBuf {
    let host = match (url.host_str(), url.port()) {
        (Some(host), Some(port)) => format!("{host}_{port}"),
        (Some(host), None) => host.to_string(),
        (None, _) => "no-host".to_string(),
    };
    let decoded = percent_encoding::percent_decode_str(url.path()).decode_utf8_lossy();
    let last = decoded.rsplit('/').next().unwrap_or("");
    let extension = match last.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            ext.to_ascii_lowercase()
        }
        // A path without an extension (`/`, `/page/3`) is most likely a page.
        _ => "html".to_string(),
    };
    let mut stem = sanitize(&decoded);
    if stem.is_empty() {
        stem.push_str("index");
    }
    let hash = Sha256::digest(url.as_str().as_bytes());
    let hash: String = hash[..6].iter().map(|b| format!("{b:02x}")).collect();
    PathBuf::from(sanitize(&host)).join(format!("{stem}-{hash}.{extension}"))
}

/// Keep `[A-Za-z0-9._-]`, turn every run of anything else (`/`, `\`, NUL, spaces, non-ASCII)
/// into one `_`, drop leading dots and underscores, cut at [`MAX_STEM`] bytes.
fn sanitize(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let trimmed = out.trim_start_matches(['.', '_']).trim_end_matches('_');
    trimmed.chars().take(MAX_STEM).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Component;

    fn path(url: &str) -> PathBuf {
        relative_path(&Url::parse(url).unwrap())
    }

    fn stays_inside(p: &std::path::Path) -> bool {
        p.components().count() == 2
            && p.components().all(|c| matches!(c, Component::Normal(_)))
            && !p.to_string_lossy().contains(['\\', '\0'])
            && p.components()
                .all(|c| !c.as_os_str().to_string_lossy().starts_with('.'))
    }

    #[test]
    fn hostile_urls_stay_inside_the_output_folder() {
        for url in [
            "http://h/../../etc/passwd",
            "http://h/%2e%2e/%2e%2e/etc/passwd",
            "http://h/a/..%2f..%2f..%2fescape",
            "http://h/a%5C..%5C..%5Cwin.ini",
            "http://h/%00nul",
            "http://h//etc/passwd",
            "http://h/.hidden",
            "http://h/",
            "http://h/%2e%2e",
            "http://[::1]:8080/x",
        ] {
            let p = path(url);
            assert!(stays_inside(&p), "{url} -> {}", p.display());
        }
    }

    #[test]
    fn overlong_names_are_cut() {
        let p = path(&format!("http://h/{}", "a".repeat(5000)));
        assert!(p.file_name().unwrap().len() <= MAX_STEM + 1 + 12 + 1 + 5);
    }

    #[test]
    fn names_are_deterministic_and_distinct() {
        assert_eq!(path("http://h/a/b.png"), path("http://h/a/b.png"));
        let same_last_segment = [path("http://h/a/b.png"), path("http://h/c/b.png")];
        assert_ne!(same_last_segment[0], same_last_segment[1]);
        // `a/b` and `a_b` sanitise alike; the hash tells them apart.
        assert_ne!(path("http://h/a/b"), path("http://h/a_b"));
        assert_ne!(path("http://h/p?x=1"), path("http://h/p?x=2"));
        assert!(path("http://h/a/b.png").to_string_lossy().ends_with(".png"));
        assert!(path("http://h/page/3").to_string_lossy().ends_with(".html"));
    }
}
