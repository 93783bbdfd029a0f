//! The chapter's tour: its sections in the article's order.

use crate::{executors, image_case, runtime_handle, starvation};
use shared::Tour;

/// Every listing of chapter 8, as `cargo run -p ch08_bridging` runs them.
pub fn tour() -> Tour {
    Tour::new("ch08_bridging", "blocking code in an async world")
        .worker(executors::FUNC1_JOB, executors::func1_worker)
        .measured(
            "blocking_sleep",
            "三.5.5.2 concurrent.future.Future, why run_in_executor",
            "a blocking sleep in a task stops every task",
            |_| starvation::show_sleep(),
        )
        .measured(
            "cpu_bound",
            "三.5.5.2 concurrent.future.Future, why run_in_executor",
            "a CPU loop in a task, with yield_now, on rayon",
            |_| starvation::show_cpu(),
        )
        .measured(
            "run_in_executor",
            "三.5.5.2 concurrent.future.Future, run_in_executor",
            "default pool, custom pool, process",
            |_| executors::show(),
        )
        .measured(
            "images",
            "三.5.5.3 案例",
            "reqwest::blocking on the blocking pool, three at once",
            |_| image_case::show(),
        )
        .measured(
            "handle",
            "三.5.5.2 concurrent.future.Future, the other way",
            "plain threads call async code through a Handle",
            |_| runtime_handle::show_threads(),
        )
        .section(
            "nested_block_on",
            "三.5.5.2 concurrent.future.Future, the other way",
            "block_on inside a runtime panics",
            |_| runtime_handle::show_nested(),
        )
}
