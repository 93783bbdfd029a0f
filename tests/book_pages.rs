//! The book shows compiled code only, and every output it shows is checked.
//!
//! Pages are `book/src/*.md` and, for chapters split into sub-pages, `book/src/chNN_*/*.md`;
//! an include's path is relative to its page.
//!
//! - a ```` ```rust ```` block holds nothing but `{{#include …}}` lines: Rust in the book is
//!   always included from a chapter's compiled sources (by anchor), never pasted;
//! - a ```` ```rust,compile_fail ```` block (a compile error the book shows) includes a file of a
//!   chapter's `compile_fail/` directory that the chapter's sources turn into a `compile_fail`
//!   doctest (`include_str!`), so the error shown is one rustc really gives;
//! - every `{{#include}}` names a file that exists, and an anchor that file has;
//! - every checked output file under `book/src/output/` is included by some page, so none is
//!   orphaned, and every output block of a page comes from such a file;
//! - every page is in SUMMARY.md, and every link to a page or a heading lands somewhere.

use std::path::{Component, Path, PathBuf};

fn book_src() -> PathBuf {
    normalize(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../book/src"))
}

fn root() -> PathBuf {
    normalize(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every page: `book/src/*.md` and the sub-pages `book/src/<chapter>/*.md`.
fn pages() -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(book_src()).expect("book/src exists") {
        let path = entry.expect("readable dir entry").path();
        // A chapter's sub-pages sit in a folder named like its first page (`ch07_tasks.md`,
        // `ch07_tasks/`); other folders (`output/`, generated tables) hold no pages.
        if path.is_dir() && path.with_extension("md").exists() {
            for sub in std::fs::read_dir(&path).expect("a readable directory") {
                paths.push(sub.expect("readable dir entry").path());
            }
        } else {
            paths.push(path);
        }
    }
    let mut pages: Vec<_> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a page is UTF-8");
            (normalize(&p), text)
        })
        .collect();
    pages.sort();
    pages
}

/// Where an include or a link of `page` points to.
fn resolve(page: &Path, target: &str) -> PathBuf {
    normalize(
        &page
            .parent()
            .expect("a page is in a directory")
            .join(target),
    )
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

/// The path part of an include line (`{{#include path:anchor}}`), if the line is one.
fn include_line(line: &str) -> Option<&str> {
    let inner = line
        .trim()
        .strip_prefix("{{#include ")?
        .strip_suffix("}}")?;
    Some(inner.split_once(':').map_or(inner, |(path, _)| path).trim())
}

#[test]
fn rust_blocks_are_includes_of_compiled_code() {
    let (chapters, shared) = (root().join("chapters"), root().join("shared"));
    for (page, text) in pages() {
        for (info, lines) in blocks(&text) {
            if info.starts_with("rust") {
                for line in lines.iter().filter(|l| !l.trim().is_empty()) {
                    let target = include_line(line).map(|p| resolve(&page, p));
                    assert!(
                        target.is_some_and(|t| t.starts_with(&chapters) || t.starts_with(&shared)),
                        "{}: a rust block holds pasted code, not an include of chapters/ or shared/: {line}",
                        page.display()
                    );
                }
            }
        }
    }
}

#[test]
fn compile_errors_shown_are_compile_fail_doctests() {
    for (page, text) in pages() {
        for (info, lines) in blocks(&text) {
            if !info.split(',').any(|i| i == "compile_fail") {
                continue;
            }
            for line in lines.iter().filter(|l| !l.trim().is_empty()) {
                let file = resolve(&page, include_line(line).expect("an include"));
                let chapter = file
                    .parent()
                    .filter(|dir| dir.file_name().is_some_and(|n| n == "compile_fail"))
                    .and_then(Path::parent)
                    .unwrap_or_else(|| {
                        panic!(
                            "{}: a compile_fail block must include a chapter's compile_fail/ file, not {}",
                            page.display(),
                            file.display()
                        )
                    });
                let name = file.file_name().unwrap().to_string_lossy().into_owned();
                let doctest = format!("include_str!(\"../compile_fail/{name}\")");
                let mut sources = Vec::new();
                rust_files(&chapter.join("src"), &mut sources);
                assert!(
                    sources
                        .iter()
                        .any(|s| std::fs::read_to_string(s).unwrap().contains(&doctest)),
                    "{}: {} is shown as a compile error, but no source of {} makes it a doctest ({doctest})",
                    page.display(),
                    file.display(),
                    chapter.display()
                );
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten() {
        let path = entry.expect("readable dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn output_blocks_come_from_checked_output_files() {
    for (page, text) in pages() {
        for (info, lines) in blocks(&text) {
            if info == "text" || info == "console" || info == "output" {
                let output = book_src().join("output");
                let only_output_includes = lines.iter().all(|l| {
                    l.trim().is_empty()
                        || l.trim().starts_with("$ ")
                        || include_line(l).is_some_and(|p| resolve(&page, p).starts_with(&output))
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
    let shown: Vec<PathBuf> = pages()
        .iter()
        .flat_map(|(page, text)| {
            includes(text)
                .into_iter()
                .map(move |i| resolve(page, i.split_once(':').map_or(i.as_str(), |(path, _)| path)))
        })
        .collect();
    let output = book_src().join("output");
    for chapter in std::fs::read_dir(&output).expect("book/src/output exists") {
        let chapter = chapter.unwrap().path();
        for file in std::fs::read_dir(&chapter).unwrap() {
            let file = normalize(&file.unwrap().path());
            assert!(
                shown.contains(&file),
                "{} is checked against the chapter but no page shows it",
                file.display()
            );
        }
    }
}

#[test]
fn the_summary_lists_every_page() {
    let summary = std::fs::read_to_string(book_src().join("SUMMARY.md")).unwrap();
    let src = book_src();
    for (page, _) in pages() {
        let name = page
            .strip_prefix(&src)
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

/// The ids mdBook gives a page's headings: the explicit `{#id}` when a heading has one (the
/// headings other pages link to have one, so that the Chinese edition, whose translated headings
/// would get other ids, keeps them), otherwise lower case, spaces to `-`, punctuation dropped.
fn heading_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let heading = l.trim_start_matches('#').trim();
            if let Some(id) = heading
                .strip_suffix('}')
                .and_then(|h| h.rsplit_once("{#"))
                .map(|(_, id)| id)
            {
                return id.to_string();
            }
            heading
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_alphanumeric() || c == '_' || c == '-' => {
                        Some(c.to_lowercase().next().unwrap())
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_link_to_a_page_or_heading_lands() {
    let pages = pages();
    for (page, text) in &pages {
        for (i, _) in text.match_indices("](") {
            let target = &text[i + 2..];
            let target = &target[..target.find(')').expect("a link is closed")];
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target
                .split_once('#')
                .map_or((target, None), |(f, a)| (f, Some(a)));
            let linked = if file.is_empty() {
                page.clone()
            } else {
                resolve(page, file)
            };
            if !linked.to_string_lossy().ends_with(".md") {
                assert!(
                    linked.exists(),
                    "{}: links to {}, which does not exist",
                    page.display(),
                    linked.display()
                );
                continue;
            }
            let (_, linked_text) = pages.iter().find(|(p, _)| *p == linked).unwrap_or_else(|| {
                panic!("{}: links to {target}, which is no page", page.display())
            });
            if let Some(anchor) = anchor {
                assert!(
                    heading_ids(linked_text).iter().any(|id| id == anchor),
                    "{}: links to {target}, which has no heading #{anchor}",
                    page.display()
                );
                assert!(
                    linked_text.contains(&format!("{{#{anchor}}}")),
                    "{}: links to {target}: give that heading an explicit `{{#{anchor}}}`, \
                     or the Chinese edition, whose heading is translated, loses the id",
                    page.display()
                );
            }
        }
    }
}

/// The code spans (`` `…` ``) of a text.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Whether `haystack` has `word` with no identifier character right before or after it.
fn has_word(haystack: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    haystack.match_indices(word).any(|(i, _)| {
        !haystack[..i].ends_with(is_ident) && !haystack[i + word.len()..].starts_with(is_ident)
    })
}

/// A term a glossary row names: words of prose, or a name that appears in code.
enum Term {
    Words(String),
    Code(String),
}

/// What a glossary row's Python cell names: its leading words up to a comma or parenthesis
/// (`coroutine object`), and each code span by its last dotted name without arguments
/// (`asyncio.gather(*coros)` → `gather`), its first word if it has several (`await x` → `await`).
fn glossary_terms(python: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    if !python.starts_with('`') {
        let words = python.split([',', '(', '`']).next().unwrap_or(python);
        terms.push(Term::Words(words.trim().to_lowercase()));
    }
    for span in code_spans(python) {
        let call = span.split('(').next().unwrap_or(span);
        let name = call.rsplit('.').next().unwrap_or(call);
        let word = name.split_whitespace().next().unwrap_or(name);
        terms.push(Term::Code(word.trim_start_matches('@').to_owned()));
    }
    terms
}

#[test]
fn every_glossary_pointer_names_a_chapter_that_shows_the_term() {
    let pages = pages();
    let glossary = std::fs::read_to_string(book_src().join("glossary.md")).unwrap();
    let (mut checked, mut wrong) = (0, Vec::new());
    for row in glossary
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Python"))
    {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let (python, chapters) = (cells[0], cells[cells.len() - 1]);
        let terms = glossary_terms(python);
        for chapter in chapters.split(',').map(str::trim) {
            let number: u32 = chapter
                .parse()
                .unwrap_or_else(|_| panic!("glossary row {row}: `{chapter}` is no chapter number"));
            let prefix = format!("ch{number:02}_");
            let text: String = pages
                .iter()
                .filter(|(page, _)| {
                    page.strip_prefix(book_src())
                        .is_ok_and(|p| p.to_string_lossy().starts_with(&prefix))
                })
                .map(|(_, text)| text.as_str())
                .collect();
            assert!(
                !text.is_empty(),
                "glossary row {row}: there is no chapter {number}"
            );
            let (lower, spans) = (text.to_lowercase(), code_spans(&text));
            let shown = terms.iter().any(|term| match term {
                Term::Words(words) => lower.contains(words.as_str()),
                Term::Code(name) => spans.iter().any(|span| has_word(span, name)),
            });
            if !shown {
                wrong.push(format!("`{python}` → chapter {number}"));
            }
            checked += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "glossary rows point to chapters whose pages never mention the term:\n{}",
        wrong.join("\n")
    );
    assert!(
        checked > 30,
        "the glossary table was not read: {checked} pointers"
    );
}

/// Each chapter's README is its front door: every file it links to exists, and every link into
/// the book lands on a heading of that page.
#[test]
fn every_link_of_a_chapter_readme_lands() {
    let pages = pages();
    let chapters = root().join("chapters");
    let mut readmes = 0;
    for chapter in std::fs::read_dir(&chapters).expect("chapters/ exists") {
        let readme = chapter
            .expect("readable dir entry")
            .path()
            .join("README.md");
        let Ok(text) = std::fs::read_to_string(&readme) else {
            continue;
        };
        readmes += 1;
        for (i, _) in text.match_indices("](") {
            let target = &text[i + 2..];
            let target = &target[..target.find(')').expect("a link is closed")];
            if target.contains("://") {
                continue;
            }
            let (file, anchor) = target
                .split_once('#')
                .map_or((target, None), |(f, a)| (f, Some(a)));
            let linked = resolve(&readme, file);
            assert!(
                linked.exists(),
                "{}: links to {target}, which does not exist",
                readme.display()
            );
            if let Some(anchor) = anchor {
                let (_, page) = pages
                    .iter()
                    .find(|(p, _)| *p == linked)
                    .unwrap_or_else(|| panic!("{}: {target} is no book page", readme.display()));
                assert!(
                    heading_ids(page).iter().any(|id| id == anchor),
                    "{}: links to {target}, which has no heading #{anchor}",
                    readme.display()
                );
            }
        }
    }
    assert!(readmes >= 10, "only {readmes} chapter READMEs");
}

/// Two ways a page goes wrong that only show in the rendered book: an indented `{{#include}}`
/// (mdBook pastes the file unindented, so inside a list item only its first line stays in the code
/// block), and a `<summary>` whose text sits inside the HTML (a translation never sees it: the
/// Chinese edition takes paragraphs, and the summary must be one, between blank lines).
#[test]
fn includes_are_unindented_and_summaries_are_paragraphs() {
    for (page, text) in pages() {
        for (number, line) in text.lines().enumerate() {
            assert!(
                !(line.starts_with(char::is_whitespace) && line.trim_start().starts_with("{{#")),
                "{}:{}: an indented `{{{{#…}}}}` breaks out of its code block: {line:?}",
                page.display(),
                number + 1
            );
            assert!(
                !(line.contains("<summary>") && line.contains("</summary>")),
                "{}:{}: write the summary as `<summary>`, a blank line, its text, a blank line, \
                 `</summary>`, so that it is translated: {line:?}",
                page.display(),
                number + 1
            );
        }
    }
}
