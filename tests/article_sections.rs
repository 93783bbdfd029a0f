//! Every reference to a section of the article names a section that exists, spelt one way.
//!
//! The article has five parts (一 … 五); part 三 holds its numbered sections 1–6, so the event
//! loop is `三.5.1` and uvloop is `三.6`, never `五.5.1`. `article_outline.txt` lists every
//! section. A reference is the part, the number, a space and the section's name (or its first
//! words): `三.5.5.1 asyncio.Future`, `四.1 异步redis`, `一 引入背景`. This test reads the README,
//! every book page, every chapter's README, Cargo description and sources, and every tour
//! section's `article`, and fails on
//!
//! - a number the outline does not have (`五.5.1`, `六`);
//! - a number without the section's name after it (`三.5.1,`), or with another name;
//! - a number without its part (`5.5.1 asyncio.Future`, "article 5.4").

mod tours;

use std::path::{Path, PathBuf};

/// Characters that start a part: 一 … 十. Only 一 … 五 exist; the others are caught as wrong.
const PARTS: &str = "一二三四五六七八九十";

struct Section {
    number: String,
    name: String,
}

fn outline() -> Vec<Section> {
    let text = std::fs::read_to_string(root().join("tests/article_outline.txt"))
        .expect("tests/article_outline.txt exists");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (number, name) = l.split_once(' ').expect("`number name` on every line");
            Section {
                number: number.to_owned(),
                name: name.to_owned(),
            }
        })
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A section number in a text, and the text that follows it.
struct Reference<'a> {
    number: String,
    rest: &'a str,
}

/// Every `三.5.1`-like number in `text`: a part character that is not inside a run of Chinese
/// (三张图片 is no reference), followed by `.digits` groups or by a space.
fn references(text: &str) -> Vec<Reference<'_>> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = PARTS.contains(c) && !previous.is_some_and(|p| is_cjk(p) || is_word(p));
        previous = Some(c);
        if !starts {
            continue;
        }
        let mut end = i + c.len_utf8();
        let bytes = text.as_bytes();
        while bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1;
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        let numbered = end > i + c.len_utf8();
        let rest = &text[end..];
        let next = rest.chars().next();
        if numbered || (next == Some(' ') && !rest[1..].starts_with(' ')) {
            found.push(Reference {
                number: text[i..end].to_owned(),
                rest,
            });
        }
    }
    found
}

/// Whether `rest` (the text after a number) starts with the section's name or its first words.
fn names(section: &Section, rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let rest = rest.trim_start_matches(['*', '`']);
    let words: Vec<&str> = section.name.split(' ').collect();
    (1..=words.len()).any(|k| {
        let prefix = words[..k].join(" ");
        rest.strip_prefix(prefix.as_str())
            .is_some_and(|after| !after.starts_with(|c: char| is_word(c) || is_cjk(c)))
    })
}

/// Problems with the references in one text, each with a line of context.
fn problems(text: &str, outline: &[Section]) -> Vec<String> {
    problems_in(text, outline, Naming::Required)
}

/// Whether a number must be followed by its section's name. The book's table of contents
/// (SUMMARY.md) shows bare numbers after each title, `5. Futures by hand (三.5.5)`.
#[derive(Clone, Copy, PartialEq)]
enum Naming {
    Required,
    NumberOnlyInParentheses,
}

fn problems_in(text: &str, outline: &[Section], naming: Naming) -> Vec<String> {
    let mut out = Vec::new();
    let context = |rest: &str| {
        rest.lines()
            .next()
            .unwrap_or("")
            .chars()
            .take(40)
            .collect::<String>()
    };
    for reference in references(text) {
        match outline.iter().find(|s| s.number == reference.number) {
            None => out.push(format!(
                "`{}{}`: the article has no section {}",
                reference.number,
                context(reference.rest),
                reference.number
            )),
            Some(section)
                if !names(section, reference.rest)
                    && (naming == Naming::Required || !reference.rest.starts_with([')', ','])) =>
            {
                out.push(format!(
                    "`{}{}`: write the section's name after its number: `{} {}`",
                    reference.number,
                    context(reference.rest),
                    section.number,
                    section.name
                ))
            }
            Some(_) => {}
        }
    }
    out.extend(partless(text, outline));
    out
}

/// Numbers written without their part: `5.5.1 asyncio.Future` (a section of 三 by its name),
/// or `article 5.4` / `section 3.3`.
fn partless(text: &str, outline: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
            && !text[..i].ends_with(|c: char| PARTS.contains(c));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut groups = 0;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
                end += 1;
                groups += 1;
            } else {
                break;
            }
        }
        let number = &text[i..end];
        let before = text[..i].trim_end_matches(' ').to_lowercase();
        let announced = groups > 0
            && ["article", "article's", "section", "sections", "§"]
                .iter()
                .any(|w| before.ends_with(w));
        let named = outline
            .iter()
            .find(|s| s.number == format!("三.{number}"))
            .is_some_and(|s| names(s, &text[end..]));
        if announced || (groups > 0 && named) {
            out.push(format!(
                "`{}`: a section number without its part; write `三.{number} …` (or 四.…)",
                text[i..]
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(40)
                    .collect::<String>()
            ));
        }
        i = end.max(i + 1);
    }
    out
}

fn files_under(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("readable dir entry").path();
        if path.is_dir() {
            files_under(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

/// The README, the book's pages, and each chapter's README, Cargo.toml and sources.
fn texts() -> Vec<PathBuf> {
    let root = root();
    let mut files = vec![root.join("README.md")];
    files_under(&root.join("book/src"), "md", &mut files);
    for chapter in std::fs::read_dir(root.join("chapters")).expect("chapters/ exists") {
        let chapter = chapter.expect("readable dir entry").path();
        if chapter.is_dir() {
            files.push(chapter.join("Cargo.toml"));
            files.push(chapter.join("README.md"));
            files_under(&chapter.join("src"), "rs", &mut files);
            files_under(&chapter.join("python"), "py", &mut files);
        }
    }
    files.retain(|f| f.exists());
    files.sort();
    files
}

#[test]
fn every_reference_in_the_repository_names_a_section_of_the_outline() {
    let outline = outline();
    let mut all = Vec::new();
    for file in texts() {
        let text = std::fs::read_to_string(&file).expect("UTF-8 text");
        let naming = if file.ends_with("book/src/SUMMARY.md") {
            Naming::NumberOnlyInParentheses
        } else {
            Naming::Required
        };
        for (n, line) in text.lines().enumerate() {
            for problem in problems_in(line, &outline, naming) {
                let shown = file
                    .strip_prefix(root())
                    .unwrap_or(&file)
                    .display()
                    .to_string();
                all.push(format!("{shown}:{}: {problem}", n + 1));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} bad section references:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn every_tour_section_names_a_section_of_the_outline() {
    let outline = outline();
    let mut all = Vec::new();
    for tour in tours::all() {
        for section in tour.sections() {
            let found = references(section.article);
            let starts_with_one = found
                .first()
                .is_some_and(|r| section.article.starts_with(r.number.as_str()));
            if !starts_with_one {
                all.push(format!(
                    "{}/{}: `{}` does not start with a section number like `三.5.1 事件循环`",
                    tour.chapter(),
                    section.name,
                    section.article
                ));
            }
            for problem in problems(section.article, &outline) {
                all.push(format!("{}/{}: {problem}", tour.chapter(), section.name));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} bad tour references:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// The checker itself: what it accepts and what it refuses.
#[test]
fn the_checker_tells_right_from_wrong_references() {
    let outline = outline();
    for good in [
        "三.5.5.1 asyncio.Future",
        "三.5.5.1 asyncio.Future 对象",
        "see 三.5.1 事件循环, then",
        "三.6 uvloop",
        "四.1 异步redis",
        "一 引入背景",
        "(三.5.4 Task, example 2)",
        "三.3.3 *asyncio* (`@asyncio.coroutine`)",
        "下载三张图片",
        "一个",
        "Python 3.11 async fn",
        "greenlet 3.5.6",
    ] {
        assert_eq!(problems(good, &outline), Vec::<String>::new(), "{good}");
    }
    for bad in [
        "五.5.1 事件循环",
        "五.5.5.1 asyncio.Future",
        "三.5.1,",
        "三.5.1 the event loop",
        "section 六 on uvloop",
        "5.5.1 asyncio.Future",
        "(article 5.4, 5.3)",
        "三.5.4Task",
    ] {
        assert!(!problems(bad, &outline).is_empty(), "accepted: {bad}");
    }
}
