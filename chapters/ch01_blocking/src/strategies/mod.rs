//! The five ways to crawl, each in its own file, all with the same signature: the URLs in,
//! one [`Fetched`] per URL out (in the URLs' order), or the first error.

mod async_tasks;
mod process_per_job;
mod serial;
mod thread_per_url;
mod thread_pool;

pub use async_tasks::async_tasks;
pub use process_per_job::{FETCH_JOB, collect_children, fetch_job, process_per_job};
pub use serial::serial;
pub use thread_per_url::thread_per_url;
pub use thread_pool::thread_pool;

use crate::crawl::Fetched;
use shared::UrlError;

/// Which way to crawl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// One thread, one request after another.
    Serial,
    /// A new OS thread for every URL.
    ThreadPerUrl,
    /// A fixed number of OS threads taking URLs from a shared queue.
    ThreadPool(usize),
    /// Tasks on a single-threaded tokio runtime.
    AsyncTasks,
    /// A child process for every URL.
    ProcessPerJob,
}

impl Strategy {
    /// The five, in the article's order of ideas.
    pub fn all(pool: usize) -> [Strategy; 5] {
        [
            Strategy::Serial,
            Strategy::ThreadPerUrl,
            Strategy::ThreadPool(pool),
            Strategy::AsyncTasks,
            Strategy::ProcessPerJob,
        ]
    }

    /// Run this strategy over `urls`.
    pub fn crawl(self, urls: &[String]) -> Result<Vec<Fetched>, UrlError> {
        match self {
            Strategy::Serial => serial(urls),
            Strategy::ThreadPerUrl => thread_per_url(urls),
            Strategy::ThreadPool(workers) => thread_pool(urls, workers),
            Strategy::AsyncTasks => async_tasks(urls),
            Strategy::ProcessPerJob => process_per_job(urls),
        }
    }
}

impl std::fmt::Display for Strategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Strategy::Serial => f.write_str("serial, one thread"),
            Strategy::ThreadPerUrl => f.write_str("a thread per URL"),
            Strategy::ThreadPool(n) => write!(f, "a pool of {n} threads"),
            Strategy::AsyncTasks => f.write_str("async tasks, one thread"),
            Strategy::ProcessPerJob => f.write_str("a process per URL"),
        }
    }
}
