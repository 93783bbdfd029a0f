//! Chapter 15: the article's crawler (`四.4 异步爬虫`) grown into a command-line tool.
//!
//! The article ends with three `session.get` calls under `asyncio.wait`, `verify_ssl=False`,
//! each body read whole into memory and written under a name cut from the URL. This crate is
//! the crawler a reader would actually run:
//!
//! - [`cli`]: `crawl` and `site`, the exit statuses;
//! - [`crawl`]: the frontier, concurrency overall and per host, links, resume, Ctrl-C;
//! - [`fetch`]: one URL to one file, streamed to a temporary file and renamed, with retries;
//! - [`part_file`]: the temporary file a body streams into, written in few trips to the blocking pool;
//! - [`rate`]: the optional rate limit per host;
//! - [`names`]: safe, deterministic file names;
//! - [`links`]: links out of HTML with a real parser;
//! - [`frontier`]: one crawl shared by many processes through Redis;
//! - [`report`]: the summary and the JSON-lines report;
//! - [`site`]: the local fixture site with every fault;
//! - [`article`]: the article's listing as it stands, for the tour to start from.

pub mod article;
pub mod bench;
pub mod cli;
pub mod crawl;
pub mod fetch;
pub mod frontier;
pub mod links;
pub mod names;
pub mod part_file;
pub mod rate;
pub mod report;
pub mod site;
mod tour;

pub use tour::tour;
