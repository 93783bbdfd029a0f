//! `cargo run -p ch15_crawler -- crawl --out DIR URL…`: the crawler;
//! `cargo run -p ch15_crawler -- site`: the fixture site to try it on;
//! `cargo run -p ch15_crawler`: the chapter's tour.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).peekable();
    match args.peek().and_then(|a| a.to_str()) {
        Some("crawl" | "site") => ch15_crawler::cli::run(args),
        _ => ch15_crawler::tour().main(),
    }
}
