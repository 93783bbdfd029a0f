//! The chapter's tour: its sections in the article's order.

use crate::{generator_coroutines, send_and_return, state_machine, yield_from};
use shared::Tour;

/// Every listing of chapter 3, as `cargo run -p ch03_generators` runs them.
pub fn tour() -> Tour {
    Tour::new("ch03_generators", "generators and yield from")
        .section(
            "yield_from",
            "三.3.2 yield",
            "yield 1, yield from func2() (3, 4), yield 2",
            |_| yield_from::show(),
        )
        .section(
            "send_and_return",
            "三.3.2 yield, send and return",
            "values sent into a generator; yield from returns a value",
            |_| send_and_return::show(),
        )
        .section(
            "generator_coroutines",
            "三.3.3 asyncio, @asyncio.coroutine",
            "generators yielding sleep requests to a tiny event loop",
            |_| generator_coroutines::show(),
        )
        .section(
            "state_machine",
            "三.3.4 async & await, a state machine",
            "an async fn and the same future written by hand",
            |_| state_machine::show(),
        )
}
