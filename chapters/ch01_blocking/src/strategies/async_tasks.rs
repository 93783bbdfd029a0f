//! 二, 终极处理方案: one thread that switches to another request whenever one waits.
//!
//! This is the article's conclusion: detect I/O waits in the application and switch tasks
//! instead of letting the OS take the thread away. A current-thread tokio runtime is exactly
//! that: one OS thread, an epoll loop, and a task per URL.

use crate::crawl::{Fetched, get_page_async};
use shared::UrlError;

// ANCHOR: async_tasks
/// A task per URL on a single-threaded runtime; all requests are in flight at once.
pub fn async_tasks(urls: &[String]) -> Result<Vec<Fetched>, UrlError> {
    shared::runtime::block_on(async {
        let client = reqwest::Client::new();
        let tasks: Vec<_> = urls
            .iter()
            .map(|url| {
                let (client, url) = (client.clone(), url.clone());
                tokio::spawn(async move { get_page_async(&client, &url).await })
            })
            .collect();
        let mut pages = Vec::with_capacity(tasks.len());
        for task in tasks {
            pages.push(task.await.expect("get_page_async does not panic")?);
        }
        Ok(pages)
    })
}
// ANCHOR_END: async_tasks
