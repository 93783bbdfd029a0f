//! The chapter's tour: its sections in the article's order.

use crate::{connection, database};
use shared::Tour;

/// Every listing of chapter 10, as `cargo run -p ch10_async_guards` runs them.
pub fn tour() -> Tour {
    Tour::new("ch10_async_guards", "async context managers")
        .section(
            "article_example",
            "三.5.7 异步上下文管理器",
            "the article's listing, fixed, on a real connection",
            |_| database::show_article_example(),
        )
        .section(
            "every_path",
            "三.5.7 异步上下文管理器, async with, every exit path",
            "exit runs once: return, error, panic, cancellation",
            |_| database::show_every_path(),
        )
        .section(
            "drop_in_runtime",
            "三.5.7 异步上下文管理器, no async Drop, in a runtime",
            "a dropped connection spawns its goodbye",
            |_| connection::show_drop_in_runtime(),
        )
        .measured(
            "drop_without_runtime",
            "三.5.7 异步上下文管理器, no async Drop, no runtime",
            "a dropped connection says goodbye blocking",
            |_| connection::show_drop_without_runtime(),
        )
}
