//! The chapter's tour: the article's serial crawler, then the five-way comparison.

use crate::crawl::get_page;
use crate::report;
use crate::strategies::{FETCH_JOB, fetch_job};
use shared::{FixtureServer, Options, Timeline, Tour, outln};
use std::time::Duration;

/// Every listing of chapter 1, as `cargo run -p ch01_blocking` runs them.
pub fn tour() -> Tour {
    Tour::new("ch01_blocking", "one crawl, five ways")
        // Every strategy runs: `--urls` threads and child processes at once, `--pool` threads.
        .option("urls", 10, 1..=200, "How many URLs to crawl")
        .option(
            "latency-ms",
            300,
            1..=5_000,
            "How long the server takes per response",
        )
        .option("pool", 4, 1..=64, "Threads in the pool")
        .measured(
            "sync_crawl",
            "一 引入背景, synchronous calls",
            "the article's crawler: download, parse, next",
            sync_crawl,
        )
        .measured(
            "five_ways",
            "一 引入背景, 二 终极处理方案",
            "serial, thread per URL, pool, async, process per URL",
            five_ways,
        )
        .worker(FETCH_JOB, fetch_job)
}

// ANCHOR: sync_crawl
/// The article's listing: `get_page` then `parse_page`, one URL after another.
fn sync_crawl(options: &Options) {
    let latency = Duration::from_millis(options.get("latency-ms"));
    let server = FixtureServer::builder().latency(latency).start();
    let client = reqwest::blocking::Client::new();
    let timeline = Timeline::start();
    for path in ["/www.baidu.com/", "/www.sina.com.cn/", "/www.python.org/"] {
        timeline.say(format_args!("下载 download {path}"));
        match get_page(&client, &server.url(path)) {
            Ok(page) => timeline.say(format_args!("解析 parse {} bytes", page.body.len())),
            Err(error) => timeline.say(format_args!("error: {error}")),
        }
    }
}
// ANCHOR_END: sync_crawl

fn five_ways(options: &Options) {
    let n: usize = options.get("urls");
    let latency = Duration::from_millis(options.get("latency-ms"));
    let pool: usize = options.get("pool");
    match report::compare(n, latency, pool) {
        Ok(outcomes) => report::print_table(n, latency, &outcomes),
        Err(error) => outln!("the crawl failed: {error}"),
    }
}
