//! 二, 线程池: a fixed number of threads that take the next URL when they are free.
//!
//! The pool bounds what the machine spends; the price is that with `workers` threads the crawl
//! takes `ceil(N / workers)` round trips. That is the article's point about pools: sized too
//! small, they are no faster than no pool.

use crate::crawl::{Fetched, get_page};
use shared::UrlError;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: thread_pool
/// `ThreadPoolExecutor(max_workers=workers)`: each worker claims the next index until none is
/// left, and writes its result into that URL's slot, so results keep the URLs' order.
pub fn thread_pool(urls: &[String], workers: usize) -> Result<Vec<Fetched>, UrlError> {
    let client = reqwest::blocking::Client::new();
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<Fetched, UrlError>>>> =
        urls.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let result = get_page(&client, url);
                    *slots[i].lock().expect("no worker panics") = Some(result);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .expect("no worker panics")
                .expect("every index was claimed")
        })
        .collect()
}
// ANCHOR_END: thread_pool
