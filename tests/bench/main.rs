//! `just bench`: every chapter's benchmark rows, Rust beside the chapters' own Python, in one
//! run on one machine.
//!
//! Each row (see `shared::bench`) is measured variant by variant: one warm-up run, then several
//! repetitions; the table shows the median and the min–max, and how many times faster the
//! first variant (Rust) is than each other one. A full run writes the results with the machine
//! they were measured on to `book/src/bench/results.json`, and regenerates the Benchmarks page's
//! tables (`book/src/bench/*.md`, which chapter pages include) and charts (`*.svg`).
//!
//! A full run of some rows (`just bench ch15`) merges them into those files instead: their
//! entries in `results.json` and their charts are replaced, and a chapter's table is rewritten
//! when every row of the chapter ran.
//!
//! `--quick` runs every row once at small sizes and writes nothing: CI runs it so that no row
//! rots, and it fails only when a row produced no number.

mod charts;
mod machine;
mod measure;
mod report;
mod rows;

use clap::{Arg, ArgAction, Command};
use shared::bench::Scale;
use std::path::Path;
use std::process::ExitCode;

/// The allocator of the whole runner counts bytes while a row asks it to (bytes per task).
#[global_allocator]
static ALLOCATOR: ch11_runtimes::memory::CountingAllocator =
    ch11_runtimes::memory::CountingAllocator;

fn command() -> Command {
    Command::new("bench")
        .about("Measure every chapter's performance claims, Rust beside Python")
        .arg(
            Arg::new("quick")
                .long("quick")
                .action(ArgAction::SetTrue)
                .help("Run every row once at small sizes and write nothing (what CI runs)"),
        )
        .arg(
            Arg::new("row")
                .help("Only the rows whose id contains this text (e.g. ch11, ch02/switch)"),
        )
}

fn main() -> ExitCode {
    // The crawl rows start this executable again as their fixture server, ch01's
    // process-per-URL strategy (in its timeline) as its workers, and ch15's rows as the
    // crawler's command line (its site and its frontier workers).
    if shared::bench::serve_fixture_if_asked() {
        return ExitCode::SUCCESS;
    }
    if let Some(code) = ch01_blocking::tour().run_worker_if_asked() {
        return code;
    }
    if let Some(code) = ch15_crawler::tour().run_worker_if_asked() {
        return code;
    }
    let matches = command().get_matches();
    let scale = if matches.get_flag("quick") {
        Scale::Quick
    } else {
        Scale::Full
    };
    let filter = matches.get_one::<String>("row");
    let require_services = std::env::var("REQUIRE_SERVICES").is_ok_and(|v| v == "1");

    let machine = machine::describe();
    eprintln!("{}", machine.summary());
    let rows: Vec<_> = rows::all()
        .into_iter()
        .filter(|row| filter.is_none_or(|f| row.id.contains(f.as_str())))
        .collect();
    if rows.is_empty() {
        eprintln!("no row matches {filter:?}");
        return ExitCode::from(2);
    }
    let results: Vec<_> = rows.iter().map(|row| measure::row(row, scale)).collect();
    let finished = machine::load_average();
    print!("{}", report::terminal(&results));

    let mut failed = 0;
    for result in &results {
        for (label, outcome) in &result.variants {
            if let Err(error) = outcome {
                if error.is_unavailable() && !require_services {
                    continue;
                }
                failed += 1;
                eprintln!("FAILED {} [{label}]: {error}", result.row.id);
            }
        }
    }

    if scale == Scale::Full && filter.is_none() {
        let book = shared::bench::workspace_root().join("book/src/bench");
        if let Err(error) = write_book(&book, &machine, &finished, &results) {
            eprintln!(
                "cannot write the book's benchmark files in {}: {error}",
                book.display()
            );
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", book.display());
    } else if scale == Scale::Full {
        let book = shared::bench::workspace_root().join("book/src/bench");
        if let Err(error) = write_book_partly(&book, &machine, &finished, &results) {
            eprintln!(
                "cannot merge these rows into the book's benchmark files in {}: {error}",
                book.display()
            );
            return ExitCode::FAILURE;
        }
    }
    if failed > 0 {
        eprintln!("{failed} measurement(s) failed");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write_book(
    dir: &Path,
    machine: &machine::Machine,
    finished_load: &str,
    results: &[measure::RowResult<'_>],
) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let json = report::json(machine, finished_load, results);
    std::fs::write(dir.join("results.json"), format!("{json:#}\n"))?;
    std::fs::write(
        dir.join("machine.md"),
        report::machine_markdown(machine, finished_load),
    )?;
    for (chapter, markdown) in report::chapter_markdown(results) {
        std::fs::write(dir.join(format!("{chapter}.md")), markdown)?;
    }
    for result in results {
        charts::row_chart(&dir.join(charts::file_name(result.row.id)), result)?;
    }
    for (name, lanes) in rows::timelines() {
        charts::timeline(&dir.join(format!("{name}.svg")), &lanes)?;
    }
    Ok(())
}

/// A run of some rows: their entries in `results.json` are replaced (the others kept, with the
/// machine of the full run; each new entry says when it was measured), their charts redrawn,
/// and the table of each chapter whose every row was measured rewritten.
fn write_book_partly(
    dir: &Path,
    machine: &machine::Machine,
    finished_load: &str,
    results: &[measure::RowResult<'_>],
) -> Result<(), Box<dyn std::error::Error>> {
    let file = dir.join("results.json");
    let mut json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    report::merge_rows(&mut json, machine, finished_load, results, &rows::all());
    std::fs::write(&file, format!("{json:#}\n"))?;
    let all = rows::all();
    for (chapter, markdown) in report::chapter_markdown(results) {
        let prefix = format!("{chapter}/");
        let in_chapter = all.iter().filter(|r| r.id.starts_with(&prefix)).count();
        let measured = results
            .iter()
            .filter(|r| r.row.id.starts_with(&prefix))
            .count();
        if measured == in_chapter {
            let note = report::measured_apart(machine, finished_load);
            std::fs::write(
                dir.join(format!("{chapter}.md")),
                format!("{markdown}\n{note}\n"),
            )?;
            eprintln!("wrote {chapter}.md");
        } else {
            eprintln!("({chapter}.md left as it is: only some of its rows ran)");
        }
    }
    for result in results {
        charts::row_chart(&dir.join(charts::file_name(result.row.id)), result)?;
    }
    eprintln!("merged {} row(s) into {}", results.len(), file.display());
    Ok(())
}
