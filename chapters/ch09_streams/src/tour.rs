//! The chapter's tour: its sections in the article's order, then what streams are for.

use crate::{
    backpressure, buffered_requests, combinators, counter_stream, generator_stream, tcp_lines,
    time_combinators,
};
use shared::Tour;

/// Every listing of chapter 9, as `cargo run -p ch09_streams` runs them.
pub fn tour() -> Tour {
    Tour::new("ch09_streams", "async iterators: streams")
        .section(
            "readlines_stream",
            "三.5.6 异步迭代器, __anext__",
            "the article's counter as a hand-written Stream",
            |_| counter_stream::show(),
        )
        .section(
            "readlines_unfold",
            "三.5.6 异步迭代器, generator style",
            "the same counter with stream::unfold",
            |_| generator_stream::show(),
        )
        .section(
            "tcp_lines",
            "三.5.6 异步迭代器, async for over a socket",
            "the lines of a TCP connection as a stream",
            |_| tcp_lines::show(),
        )
        .section(
            "backpressure",
            "三.5.6 异步迭代器, a channel as a stream",
            "a bounded channel: the slow consumer paces the producer",
            |_| backpressure::show(),
        )
        .section(
            "combinators",
            "三.5.6 异步迭代器, stream combinators",
            "filter, map, take and chunks on the counter",
            |_| combinators::show(),
        )
        .section(
            "throttle",
            "三.5.6 异步迭代器, stream combinators, time",
            "throttle: at most one line per 250 ms",
            |_| time_combinators::show_throttle(),
        )
        .section(
            "timeout",
            "三.5.6 异步迭代器, stream combinators, time",
            "timeout: a late line is an error, then it arrives",
            |_| time_combinators::show_timeout(),
        )
        .section(
            "merge",
            "三.5.6 异步迭代器, stream combinators, time",
            "merge: two streams as their items come",
            |_| time_combinators::show_merge(),
        )
        .measured(
            "buffer_unordered",
            "三.5.6 异步迭代器, streams of requests",
            "six pages from the fixture server, three at a time",
            |_| buffered_requests::show(),
        )
}
