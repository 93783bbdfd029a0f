//! 二, 多线程: a thread for every connection, so no request waits behind another.
//!
//! Fast while N is small; each thread costs a stack (2 MiB of address space for a Rust thread
//! by default, `RUST_MIN_STACK` or `std::thread::Builder::stack_size` change it; Python's threads
//! get the C library's default, usually 8 MiB) and a kernel task, so a thousand URLs means a
//! thousand threads.

use crate::crawl::{Fetched, get_page};
use shared::UrlError;

// ANCHOR: thread_per_url
/// One OS thread per URL. `std::thread::scope` lets the threads borrow `urls` and the client,
/// and joins them all before returning: no thread outlives the call.
pub fn thread_per_url(urls: &[String]) -> Result<Vec<Fetched>, UrlError> {
    let client = reqwest::blocking::Client::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(|| get_page(&client, url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("get_page does not panic"))
            .collect()
    })
}
// ANCHOR_END: thread_per_url
