//! The chapter's tour: the article's crawler, then the tool against the local fixture site,
//! one concern at a time. Every section starts its own [`Site`] on 127.0.0.1.

use crate::crawl::{self, Config, Event};
use crate::report::{Entry, Outcome};
use crate::site::Site;
use shared::{Tour, outln};
use std::path::Path;
use std::time::Duration;

/// Every section of chapter 15, as `cargo run -p ch15_crawler` runs them.
pub fn tour() -> Tour {
    Tour::new(
        "ch15_crawler",
        "the article's crawler grown into a command-line tool",
    )
    .worker(crate::bench::CLI_JOB, crate::bench::cli_job)
    .measured(
        "article",
        "四.4 异步爬虫, the listing",
        "three downloads at once, whole bodies in memory, names cut from the URL",
        |_| article(),
    )
    .measured(
        "faults",
        "四.4 异步爬虫, what the listing does not handle",
        "404, a 500 that heals, 429 + Retry-After, a body cut short, redirects, a huge body",
        |_| faults(),
    )
    .measured(
        "safe_names",
        "四.4 异步爬虫, name = url.split('/')[-1]",
        "links whose names try to climb out of the output folder",
        |_| safe_names(),
    )
    .measured(
        "whole_site",
        "五 总结",
        "--depth 2 over the whole site, then --resume fetching nothing again",
        |_| whole_site(),
    )
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn config(site: &Site, paths: &[&str], out: &Path) -> Config {
    let args = crate::cli::CrawlArgs {
        urls: paths.iter().map(|p| site.url(p)).collect(),
        from: None,
        out: out.to_path_buf(),
        concurrency: 16,
        per_host: 4,
        rate_per_host: None,
        timeout: 10,
        retries: 3,
        depth: 0,
        same_host: true,
        resume: false,
        robots: false,
        max_bytes: Some(1_000_000),
        ca_cert: None,
        report: None,
        frontier: None,
        grace: 2,
    };
    args.config().expect("a valid configuration")
}

fn run(config: Config) -> Vec<Entry> {
    let quiet = |_: Event<'_>| {};
    runtime()
        .block_on(crawl::crawl(config, futures::stream::pending(), &quiet))
        .expect("the output folder can be written")
        .entries
}

/// A path relative to the site, for output that is the same on every run.
fn short(site: &Site, url: &str) -> String {
    url.strip_prefix(&site.url("")).unwrap_or(url).to_string()
}

fn article() {
    let site = Site::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Three pages that take 300, 100 and 200 ms: they finish in the order of their delays.
    let urls: Vec<String> = ["/slow/300", "/slow/100", "/slow/200"]
        .iter()
        .map(|p| site.url(p))
        .collect();
    runtime().block_on(crate::article::main(&urls, dir.path()));
    let mut saved: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder exists")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    saved.sort();
    outln!("saved as: {}", saved.join(", "));
    outln!("(names cut from the URL: no extension, and `/other/100` would overwrite `/slow/100`)");
}

fn faults() {
    let site = Site::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paths = [
        "/missing",
        "/flaky",
        "/busy",
        "/cut",
        "/redirect/3",
        "/loop",
        "/huge",
    ];
    for entry in run(config(&site, &paths, dir.path())) {
        let why = match (&entry.outcome, &entry.error) {
            (Outcome::Failed, Some(chain)) => chain.last().cloned().unwrap_or_default(),
            (_, _) => format!("{} bytes", entry.bytes.unwrap_or(0)),
        };
        outln!(
            "{:<12} {:<9} after {} attempt(s): {why}",
            short(&site, &entry.url),
            format!("{:?}", entry.outcome).to_lowercase(),
            entry.attempts
        );
    }
}

fn safe_names() {
    let site = Site::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paths: Vec<&str> = crate::site::HOSTILE_LINKS.to_vec();
    for entry in run(config(&site, &paths, dir.path())) {
        let path = entry.path.unwrap_or_default();
        let name = path.rsplit('/').next().unwrap_or_default();
        // The hash covers the whole URL, port included, so it changes from run to run.
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
        let stem = stem.rsplit_once('-').map_or(stem, |(stem, _hash)| stem);
        outln!(
            "{:<36} -> {stem}-<hash>.{extension}",
            short(&site, &entry.url)
        );
    }
}

fn whole_site() {
    let site = Site::start();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut config = config(&site, &["/"], dir.path());
    config.depth = 2;
    let entries = run(config.clone());
    outln!("first run:");
    outln!("{}", crate::report::summary(&entries).trim_end());
    let requests = site.total_hits();
    config.resume = true;
    config.grace = Duration::from_secs(1);
    let entries = run(config);
    outln!(
        "second run, --resume: {} requests to the site",
        site.total_hits() - requests
    );
    outln!("{}", crate::report::summary(&entries).trim_end());
}
