//! The chapter's tour: its sections in the article's order.

use crate::{polling_loop, raw_waker, spawning, two_tasks};
use shared::Tour;

/// Every listing of chapter 6, as `cargo run -p ch06_event_loop` runs them.
pub fn tour() -> Tour {
    Tour::new("ch06_event_loop", "an event loop from scratch")
        .measured(
            "polling_loop",
            "三.5.1 事件循环, the pseudo-code",
            "poll every task until all are done",
            |_| polling_loop::show(),
        )
        .section(
            "raw_waker",
            "三.5.1 事件循环, wakers",
            "a Waker by hand: a pointer and a vtable",
            |_| raw_waker::show(),
        )
        .measured(
            "event_loop",
            "三.5.1 事件循环, a real loop",
            "ready queue, wakers, timers: 2 s asleep",
            |_| two_tasks::show_on_executor(),
        )
        .section(
            "spawn_and_panic",
            "三.5.1 事件循环, tasks",
            "tasks spawning tasks; one panics",
            |_| spawning::show(),
        )
        .section(
            "tokio_loop",
            "三.5.1 事件循环, on tokio",
            "the same futures on tokio's runtime",
            |_| two_tasks::show_on_tokio(),
        )
}
