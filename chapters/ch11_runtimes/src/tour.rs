//! The chapter's tour: its sections in the article's order.

use crate::{portability, side_by_side, swap_loop};
use shared::Tour;

/// Every listing of chapter 11, as `cargo run -p ch11_runtimes` runs them.
pub fn tour() -> Tour {
    Tour::new("ch11_runtimes", "swapping the event loop")
        .section(
            "swap_loop",
            "三.6 uvloop",
            "one program, six executors: uvloop.run() in Rust",
            |_| swap_loop::show(),
        )
        .measured(
            "side_by_side",
            "三.6 uvloop",
            "four workloads on every executor, one table",
            |_| side_by_side::show(),
        )
        .section(
            "portability",
            "三.6 uvloop",
            "futures run anywhere; tokio's timers and sockets need tokio",
            |_| portability::show(),
        )
}
