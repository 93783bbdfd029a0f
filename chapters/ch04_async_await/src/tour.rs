//! The chapter's tour: its sections in the article's order.

use crate::{asyncio_run, await_examples, image_download, lazy_future};
use shared::Tour;

/// Every listing of chapter 4, as `cargo run -p ch04_async_await` runs them.
pub fn tour() -> Tour {
    Tour::new("ch04_async_await", "async fn, await and asyncio.run")
        .section(
            "coroutine_object",
            "三.5.2 快速上手, coroutine object",
            "calling an async fn runs nothing",
            |_| lazy_future::show(),
        )
        .section(
            "asyncio_run",
            "三.5.2 快速上手, asyncio.run",
            "block_on and #[tokio::main]",
            |_| asyncio_run::show(),
        )
        .section(
            "await_example1",
            "三.5.3 await, example 1",
            "await a sleep",
            |_| await_examples::show_example1(),
        )
        .section(
            "await_example2",
            "三.5.3 await, example 2",
            "await another async fn and use its result",
            |_| await_examples::show_example2(),
        )
        .section(
            "await_example3",
            "三.5.3 await, example 3",
            "two awaits in a row take 2 s + 2 s",
            |_| await_examples::show_example3(),
        )
        .section(
            "await_example4",
            "三.5.3 await, example 4",
            "three tasks sleeping 2 s finish together",
            |_| await_examples::show_example4(),
        )
        .measured(
            "images_blocking",
            "三.4 协程的意义, blocking",
            "three images with reqwest::blocking, one by one",
            |_| image_download::show_blocking(),
        )
        .measured(
            "images_async",
            "三.4 协程的意义, async",
            "three images with reqwest + tokio::fs, at once",
            |_| image_download::show_async(),
        )
}
