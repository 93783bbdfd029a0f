//! "Swap the event loop": what `uvloop.run(main())` is in Rust.
//!
//! The article installs uvloop with `asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())`
//! and then calls `asyncio.run(main())`; the program above the loop does not change. Rust
//! makes the same choice where the program starts: `#[tokio::main]` picks the multi-threaded
//! runtime, `#[tokio::main(flavor = "current_thread")]` the single-threaded one, and
//! `tokio::runtime::Builder` does the same by hand. Any other executor takes the same future.

use crate::executors::{Kind, Visit, with_executor};
use shared::outln;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

// ANCHOR: main_future
/// The program: ten tasks, each noting the OS thread that ran it, and their sum.
#[derive(Debug, Clone, Copy)]
pub struct Program;

impl Visit for Program {
    /// The sum of the tasks' results, and how many OS threads ran tasks.
    type Output = (u64, usize);

    fn visit<E: crate::Executor>(self, executor: &E) -> (u64, usize) {
        let threads = Arc::new(Mutex::new(BTreeSet::new()));
        let handles: Vec<_> = (1..=10u64)
            .map(|i| {
                let threads = Arc::clone(&threads);
                executor.spawn(async move {
                    smol::future::yield_now().await;
                    let thread = format!("{:?}", std::thread::current().id());
                    threads.lock().expect("no task panics").insert(thread);
                    i * i
                })
            })
            .collect();
        let sum = executor
            .block_on(async move { futures::future::join_all(handles).await.into_iter().sum() });
        let threads = threads.lock().expect("no task panics").len();
        (sum, threads)
    }
}
// ANCHOR_END: main_future

// ANCHOR: tokio_main
/// `#[tokio::main(flavor = "current_thread")]` is this: build a runtime, `block_on` main.
#[tokio::main(flavor = "current_thread")]
pub async fn tokio_main_current_thread() -> usize {
    let handle = tokio::spawn(async { 6 * 7 });
    handle.await.expect("the task does not panic")
}
// ANCHOR_END: tokio_main

/// The tour section: the same program on every executor.
pub fn show() {
    outln!(
        "#[tokio::main(flavor = \"current_thread\")] returned {}",
        tokio_main_current_thread()
    );
    for kind in Kind::ALL {
        let (sum, threads) = with_executor(kind, Program);
        let threads = if threads == 1 {
            "1 thread".to_owned()
        } else {
            format!("{threads} threads")
        };
        outln!(
            "{:<22} sum of squares 1..=10 = {sum}, tasks ran on {}",
            kind.name(),
            if kind.is_multi_threaded() {
                "a pool"
            } else {
                threads.as_str()
            }
        );
    }
}
