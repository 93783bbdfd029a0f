//! The book shows compiled code only, and every output it shows is checked.
//!
//! - a ```` ```rust ```` block holds nothing but `{{#include …}}` lines: Rust in the book is
//!   always included from a chapter's compiled sources (by anchor), never pasted;
//! - every `{{#include}}` names a file that exists, and an anchor that file has;
//! - every checked output file under `book/src/output/` is included by some page, so none is
//!   orphaned, and every output block of a page comes from such a file.

use std::path::{Path, PathBuf};

fn book_src() -> PathBuf {
    normalize(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src"))
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Where an include of `page` points to.
fn resolve(page: &Path, target: &str) -> PathBuf {
    normalize(&page.parent().expect("a page is in a folder").join(target))
}

/// Every page: `book/src/*.md` and the sub-pages `book/src/<chapter>/*.md`.
fn pages() -> Vec<(PathBuf, String)> {
    let entries = |dir: PathBuf| {
        std::fs::read_dir(dir)
            .expect("book/src exists")
            .map(|e| e.expect("readable dir entry").path())
            .collect::<Vec<_>>()
    };
    let top = entries(book_src());
    let sub = top
        .iter()
        .filter(|p| p.is_dir() && !p.ends_with("output"))
        .flat_map(|dir| entries(dir.clone()));
    let mut pages: Vec<_> = top
        .iter()
        .cloned()
        .chain(sub)
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a page is UTF-8");
            (p, text)
        })
        .collect();
    pages.sort();
    pages
}

/// Fenced blocks of a page: (info string, lines).
fn blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match current.take() {
                Some(block) => out.push(block),
                None => current = Some((info.trim().to_owned(), Vec::new())),
            }
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line.to_owned());
        }
    }
    out
}

fn includes(text: &str) -> Vec<String> {
    text.match_indices("{{#include ")
        .map(|(i, _)| {
            let rest = &text[i + "{{#include ".len()..];
            rest[..rest.find("}}").expect("an include is closed")]
                .trim()
                .to_owned()
        })
        .collect()
}

#[test]
fn rust_blocks_are_includes_of_compiled_code() {
    for (page, text) in pages() {
        for (info, lines) in blocks(&text) {
            if info.starts_with("rust") {
                for line in lines.iter().filter(|l| !l.trim().is_empty()) {
                    let target = line
                        .trim()
                        .strip_prefix("{{#include ")
                        .map(|rest| resolve(&page, rest.split(':').next().unwrap_or(rest)));
                    let root = normalize(&book_src().join("../.."));
                    assert!(
                        target.is_some_and(|t| {
                            t.starts_with(root.join("chapters"))
                                || t.starts_with(root.join("shared"))
                        }),
                        "{}: a rust block holds pasted code, not an include: {line}",
                        page.display()
                    );
                }
            }
        }
    }
}

#[test]
fn output_blocks_come_from_checked_output_files() {
    for (page, text) in pages() {
        for (info, lines) in blocks(&text) {
            if info == "text" || info == "console" || info == "output" {
                let only_output_includes = lines.iter().all(|l| {
                    l.trim().is_empty()
                        || l.trim().strip_prefix("{{#include ").is_some_and(|rest| {
                            resolve(&page, rest).starts_with(book_src().join("output"))
                        })
                        || l.trim().starts_with("$ ")
                });
                assert!(
                    only_output_includes,
                    "{}: an output block must include book/src/output/…, not paste: {lines:?}",
                    page.display()
                );
            }
        }
    }
}

#[test]
fn every_include_resolves_to_a_file_and_anchor() {
    for (page, text) in pages() {
        for include in includes(&text) {
            let (path, anchor) = match include.split_once(':') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (include.as_str(), None),
            };
            let file = resolve(&page, path);
            let source = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: includes {}: {e}", page.display(), file.display()));
            if let Some(anchor) = anchor.filter(|a| a.parse::<usize>().is_err()) {
                assert!(
                    source.contains(&format!("ANCHOR: {anchor}"))
                        && source.contains(&format!("ANCHOR_END: {anchor}")),
                    "{}: {} has no anchor `{anchor}`",
                    page.display(),
                    file.display()
                );
            }
        }
    }
}

#[test]
fn every_output_file_is_shown_by_a_page() {
    let all_includes: Vec<String> = pages()
        .iter()
        .flat_map(|(page, t)| includes(t).into_iter().map(|i| resolve(page, &i)))
        .filter_map(|file| {
            let relative = file.strip_prefix(book_src()).ok()?;
            Some(relative.to_string_lossy().into_owned())
        })
        .collect();
    let output = book_src().join("output");
    for chapter in std::fs::read_dir(&output).expect("book/src/output exists") {
        let chapter = chapter.unwrap().path();
        for file in std::fs::read_dir(&chapter).unwrap() {
            let file = file.unwrap().path();
            let relative = file
                .strip_prefix(book_src())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                all_includes.contains(&relative),
                "{relative} is checked against the chapter but no page shows it"
            );
        }
    }
}

#[test]
fn the_summary_lists_every_page() {
    let summary = std::fs::read_to_string(book_src().join("SUMMARY.md")).unwrap();
    for (page, _) in pages() {
        let name = page
            .strip_prefix(book_src())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if name != "SUMMARY.md" {
            assert!(
                summary.contains(&format!("({name})")),
                "SUMMARY.md does not list {name}"
            );
        }
    }
}
