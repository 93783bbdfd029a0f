//! The book's output blocks are the chapters' real output.
//!
//! Every section of every tour has a file `book/src/output/<chapter>/<section>.txt`, and the
//! book's pages `{{#include}}` those files into their output blocks. This test runs each section
//! the way the book shows it (`Tour::capture`: virtual clock, default options) and fails when
//! what it prints differs from the file.
//!
//! Sections marked `measured` time real work (threads, processes, blocking I/O); their
//! durations change from run to run, so for them durations are compared as `#.##`, and
//! everything else to the letter, except the columns of [`VARYING_COLUMNS`].
//!
//! After changing a chapter's output on purpose, rewrite the files:
//! `BLESS=1 cargo test -p tests --test book_output` (or `just bless`). A measured section's
//! file is only rewritten when more than its durations changed, so numbers taken from a
//! release run (`cargo run --release -p … -- SECTION`) survive a bless. After changing what a
//! measured section *measures* (a latency, a count), `BLESS=force` rewrites those files too.
//!
//! Chapters that talk to Redis or MariaDB name what they need in [`needs`]. Without those
//! servers their sections are reported as ignored (not run, with one line saying what to
//! install), never as passed; with `REQUIRE_SERVICES=1` (CI) they fail instead.

mod tours;

use shared::Tour;
use shared::services::{self, Need};
use shared::tour::Clock;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// ch11 counts the bytes its parked tasks hold, as its own `main` does.
#[global_allocator]
static ALLOCATOR: ch11_runtimes::memory::CountingAllocator =
    ch11_runtimes::memory::CountingAllocator;

/// The servers a chapter's sections need (see `shared::services`); one line per such chapter.
fn needs(chapter: &str) -> &'static [Need] {
    match chapter {
        "ch12_redis" => &[Need::Redis, Need::PrivateRedis],
        "ch13_mysql" => &[Need::MariaDb, Need::PrivateMariaDb],
        "ch14_web" => &[Need::Redis],
        _ => &[],
    }
}

fn main() -> ExitCode {
    let tours = tours::all();
    // Child processes of a tour's sections come back here: run their job, nothing else.
    for tour in &tours {
        if let Some(code) = tour.run_worker_if_asked() {
            return code;
        }
    }
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let bless = match std::env::var("BLESS").as_deref() {
        Err(_) => Bless::No,
        Ok("force") => Bless::Force,
        Ok(_) => Bless::KeepMeasured,
    };
    let (mut passed, mut failed, mut ignored) = (0, 0, 0);
    for tour in &tours {
        let unavailable = services::missing(needs(tour.chapter()));
        if let Some(error) = &unavailable {
            eprintln!("{}: {error}", tour.chapter());
        }
        for section in tour.sections() {
            let id = format!("{}/{}", tour.chapter(), section.name);
            if filter.as_ref().is_some_and(|f| !id.contains(f.as_str())) {
                continue;
            }
            let outcome = match &unavailable {
                None => check(tour, section.name, section.clock, bless),
                Some(error) if services::required() => {
                    Err(format!("  REQUIRE_SERVICES=1, but this section {error}"))
                }
                Some(_) => {
                    ignored += 1;
                    println!("test {id} ... ignored");
                    continue;
                }
            };
            match outcome {
                Ok(()) => {
                    passed += 1;
                    println!("test {id} ... ok");
                }
                Err(problem) => {
                    failed += 1;
                    println!("test {id} ... FAILED\n{problem}");
                }
            }
        }
    }
    // The standard summary line, so that CI's check for ignored tests sees these too.
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {verdict}. {passed} passed; {failed} failed; {ignored} ignored (book_output)"
    );
    services::stop_shared();
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn output_file(chapter: &str, section: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../book/src/output")
        .join(chapter)
        .join(format!("{section}.txt"))
}

/// Whether (and how) to rewrite the output files instead of checking them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bless {
    No,
    /// Rewrite what changed, but keep a measured file whose only change is its durations.
    KeepMeasured,
    /// Rewrite every file.
    Force,
}

fn check(tour: &Tour, section: &str, clock: Clock, bless: Bless) -> Result<(), String> {
    let actual = tour.capture(section).map_err(|e| e.to_string())?;
    let path = output_file(tour.chapter(), section);
    if bless != Bless::No {
        // A measured section whose file differs only in durations keeps its file: its numbers
        // may come from a release run (`cargo run --release`), which a debug check cannot redo.
        if bless == Bless::KeepMeasured
            && clock == Clock::Measured
            && std::fs::read_to_string(&path)
                .is_ok_and(|old| mask_measured(&old) == mask_measured(&actual))
        {
            return Ok(());
        }
        std::fs::create_dir_all(path.parent().expect("a file has a folder"))
            .map_err(|e| e.to_string())?;
        return std::fs::write(&path, &actual).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "  {}: {e}\n  (write it with `BLESS=1 cargo test -p tests --test book_output`)",
            path.display()
        )
    })?;
    let (want, got) = match clock {
        Clock::Virtual => (expected.clone(), actual.clone()),
        Clock::Measured => (mask_measured(&expected), mask_measured(&actual)),
    };
    if want == got {
        return Ok(());
    }
    Err(format!(
        "  {} no longer matches the chapter's output.\n  --- book\n{}\n  --- chapter now\n{}",
        path.display(),
        indent(&expected),
        indent(&actual)
    ))
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Table columns whose figures in a measured section depend on the machine's load, not only on
/// the program: how many requests were in flight at once is all of them only if every thread or
/// child process started within one latency (ch01's `five_ways`).
const VARYING_COLUMNS: &[&str] = &["in flight"];

/// What a measured section's output must keep from run to run.
fn mask_measured(text: &str) -> String {
    mask_durations(&mask_columns(text, VARYING_COLUMNS))
}

/// Under a header line naming one of `columns`, replace a figure in that column's place in
/// every following line with `#` (the tables are right-aligned, so a column's figures end
/// where its header ends, and `7` and `10` both become `#`).
fn mask_columns(text: &str, columns: &[&str]) -> String {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let mut chars: Vec<char> = line.chars().collect();
        for &(from, to) in &spans {
            let to = to.min(chars.len());
            let field = chars.get(from..to).unwrap_or_default();
            let figure = field.iter().any(char::is_ascii_digit)
                && field.iter().all(|c| c.is_ascii_digit() || *c == ' ');
            if figure {
                let mut masked = vec![' '; field.len() - 1];
                masked.push('#');
                chars.splice(from..to, masked);
            }
        }
        out.push(chars.into_iter().collect::<String>());
        for column in columns {
            if let Some(byte) = line.find(column) {
                let from = line[..byte].chars().count();
                spans.push((from, from + column.chars().count()));
            }
        }
    }
    out.concat()
}

/// Replace every decimal number (`1.52`, `0.3`) with `#.##` and every `N ms`/`N µs`/`N ns`
/// figure with `# ms`: what a measured section prints differently from run to run.
fn mask_durations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
            let unit = ["ms", "µs", "ns", " ms", " µs", " ns", "×", "x "]
                .iter()
                .any(|u| rest.starts_with(u));
            if number.contains('.') || unit {
                out.push_str("#.##");
            } else {
                out.push_str(&number);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
