//! The chapter's tour: its sections in the article's order.

use crate::{
    as_completed, bare_futures, cancellation, create_task, gather, panics, select_race, wait,
};
use shared::Tour;

/// Every listing of chapter 7, as `cargo run -p ch07_tasks` runs them. Sections marked
/// `beyond:` go past the article: what a program with tasks needs next.
pub fn tour() -> Tour {
    Tour::new("ch07_tasks", "tasks and cancellation")
        .section(
            "spawn",
            "三.5.3 await, example 4",
            "a spawned task runs without being awaited",
            |_| create_task::show_spawn(),
        )
        .section(
            "named_tasks",
            "三.5.4 Task 对象, example 1",
            "named tasks and asyncio.wait(timeout=None)",
            |_| create_task::show_named(),
        )
        .section(
            "wait_timeout",
            "三.5.4 Task 对象, asyncio.wait",
            "(done, pending) at a timeout, then keep or cancel",
            |_| wait::show(),
        )
        .section(
            "bare_coroutines",
            "三.5.4 Task 对象, example 2",
            "waiting for futures that are not tasks",
            |_| bare_futures::show(),
        )
        .section(
            "gather",
            "三.5.4 Task 对象, beyond: asyncio.gather",
            "join! and try_join!",
            |_| gather::show(),
        )
        .section(
            "as_completed",
            "三.5.4 Task 对象, beyond: asyncio.as_completed",
            "results in the order they finish",
            |_| as_completed::show(),
        )
        .section(
            "cancel",
            "三.5.4 Task 对象, beyond: task.cancel()",
            "dropping, aborting, detaching; cleanup anyway",
            |_| cancellation::show(),
        )
        .section(
            "select_race",
            "三.5.4 Task 对象, beyond: FIRST_COMPLETED",
            "select! against a timeout and a shutdown signal",
            |_| select_race::show(),
        )
        .section(
            "panic",
            "三.5.4 Task 对象, beyond: task.exception()",
            "a panicking task and the others carrying on",
            |_| panics::show(),
        )
        .section(
            "lost_update",
            "三.1 协程",
            "\"no locking needed\"? an await between read and write",
            |_| crate::shared_state::lost_update::show(),
        )
}
