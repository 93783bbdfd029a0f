//! The chapter's tour: its sections in the article's order.

use crate::{deep_switch, guard_page, parents, switch_cost, switch_listing};
use shared::Tour;

/// Every listing of chapter 2, as `cargo run -p ch02_greenlet` runs them.
pub fn tour() -> Tour {
    Tour::new("ch02_greenlet", "greenlet: stackful coroutines")
        .section(
            "switch",
            "三.3.1 greenlet",
            "func1 and func2 switch into each other: 1 3 2 4",
            |_| switch_listing::show(),
        )
        .section(
            "deep_switch",
            "三.3.1 greenlet, the stack",
            "switching from deep inside plain function calls",
            |_| deep_switch::show(),
        )
        .section(
            "guard_page",
            "三.3.1 greenlet, the stack",
            "a stack overflow in a greenlet hits the guard page",
            |_| guard_page::show(),
        )
        .section(
            "parents",
            "三.3.1 greenlet, parents",
            "a finished greenlet returns to its parent, a panic surfaces there",
            |_| parents::show(),
        )
        .measured(
            "switch_cost",
            "三.3.1 greenlet, the cost",
            "one switch in nanoseconds, one stack in KiB",
            |_| switch_cost::show(),
        )
        .worker(guard_page::OVERFLOW_JOB, guard_page::overflow_job)
}
