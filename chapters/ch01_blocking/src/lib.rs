//! # Chapter 1 — one crawl, five ways
//!
//! Retells the article's 一 引入背景 (why a serial crawler is slow) and 二 终极处理方案 (threads,
//! pools, processes, and finally one thread that switches between tasks at every I/O wait).
//!
//! The same crawl of N URLs from the local fixture server (each response takes `latency`) is
//! done by [`strategies`]: one thread serially, a thread per URL, a bounded thread pool, async
//! tasks on one thread, and a process per URL. [`report`] prints the wall time of each beside
//! its ideal bound and the threads it used.
//!
//! | Python                                   | Rust                                           |
//! |------------------------------------------|------------------------------------------------|
//! | `requests.get(url)`                      | `client.get(url).send()` on a blocking `Client` |
//! | `threading.Thread(target=get_page)`      | `std::thread::spawn` / `std::thread::scope`    |
//! | `ThreadPoolExecutor(max_workers=4)`      | four scoped threads sharing a work queue       |
//! | `multiprocessing.Process` / `ProcessPoolExecutor` | `std::process::Command` (a child process) |
//! | `asyncio` + `aiohttp` on one thread      | tokio current-thread runtime + `reqwest`       |
//! | the GIL: threads don't speed up CPU work | no GIL: threads (or rayon) use every core      |

pub mod bench;
pub mod crawl;
pub mod report;
pub mod strategies;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch01`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
