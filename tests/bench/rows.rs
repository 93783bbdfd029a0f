//! Every chapter's rows, in the book's order. Adding a chapter's rows is one line here.

use shared::bench::{Lane, Row};

/// All rows of the suite.
pub fn all() -> Vec<Row> {
    [
        ch01_blocking::bench::rows(),
        ch02_greenlet::bench::rows(),
        ch03_generators::bench::rows(),
        ch11_runtimes::bench::rows(),
        ch12_redis::bench::rows(),
        ch13_mysql::bench::rows(),
        ch14_web::bench::rows(),
        ch15_crawler::bench::rows(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The timeline pictures (name of the SVG file, its lanes), from real runs.
pub fn timelines() -> Vec<(&'static str, Vec<Lane>)> {
    match ch01_blocking::bench::timeline() {
        Ok(lanes) => vec![("ch01-timeline", lanes)],
        Err(error) => {
            eprintln!("ch01 timeline: {error}");
            Vec::new()
        }
    }
}
