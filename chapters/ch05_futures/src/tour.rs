//! The chapter's tour: its sections in the article's order.

use crate::{
    never_resolves, oneshot_future, pinning, settable_future, state_machine, thread_pool,
    timer_future, wrap_future,
};
use shared::Tour;

/// Every listing of chapter 5, as `cargo run -p ch05_futures` runs them.
pub fn tour() -> Tour {
    Tour::new("ch05_futures", "futures by hand")
        .measured(
            "timer_future",
            "三.5.5.1 asyncio.Future, underneath",
            "a Future written by hand: poll, Pending, the waker",
            |_| timer_future::show(),
        )
        .section(
            "state_machine",
            "三.5.5.1 asyncio.Future, underneath",
            "an async fn and the state machine it becomes",
            |_| state_machine::show(),
        )
        .section(
            "pinning",
            "三.5.5.1 asyncio.Future, underneath",
            "why poll takes Pin<&mut Self>",
            |_| pinning::show(),
        )
        .section(
            "never_resolves",
            "三.5.5.1 asyncio.Future, example 1",
            "a future nobody sets, bounded by a timeout",
            |_| never_resolves::show(),
        )
        .section(
            "set_after",
            "三.5.5.1 asyncio.Future, example 2",
            "another task sets the result: a oneshot",
            |_| oneshot_future::show(),
        )
        .section(
            "sender_dropped",
            "三.5.5.1 asyncio.Future, example 2",
            "the setter fails: the waiter gets an error, no hang",
            |_| oneshot_future::show_sender_dropped(),
        )
        .section(
            "settable_future",
            "三.5.5.1 asyncio.Future, by hand",
            "our own future: many waiters, set twice, cancelled",
            |_| settable_future::show(),
        )
        .measured(
            "thread_pool",
            "三.5.5.2 concurrent.future.Future",
            "a pool of 5 threads and result()",
            |_| thread_pool::show(),
        )
        .measured(
            "wrap_future",
            "三.5.5.2 concurrent.future.Future, asyncio.wrap_future",
            "await the pool's future instead of blocking",
            |_| wrap_future::show(),
        )
}
