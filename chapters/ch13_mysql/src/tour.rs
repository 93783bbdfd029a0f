//! The chapter's tour: its sections in the article's order.

use crate::{article_listing, injection, memory, pool, transfer, users};
use shared::Tour;

const ARTICLE: &str = "四.2 异步MySQL";

/// Every listing of chapter 13, as `cargo run -p ch13_mysql` runs them. Every section talks to a
/// real server, so every section is measured: its output is checked with durations masked.
pub fn tour() -> Tour {
    Tour::new("ch13_mysql", "async MySQL with sqlx")
        .measured(
            "article_listing",
            ARTICLE,
            "the article's query as written (error 1064), then fixed",
            |_| article_listing::show(),
        )
        .measured(
            "fetching",
            ARTICLE,
            "fetch_all, fetch_one, fetch_optional, fetch as a stream, into a struct",
            |_| users::show(),
        )
        .measured(
            "injection",
            ARTICLE,
            "' OR '1'='1 against a string-built query and a bound one",
            |_| injection::show(),
        )
        .measured(
            "pool_size",
            ARTICLE,
            "50 × SELECT SLEEP(0.1) on a pool of 5, then of 50",
            |_| pool::show_sizes(),
        )
        .measured(
            "pool_exhausted",
            ARTICLE,
            "every connection held: PoolTimedOut after the acquire timeout",
            |_| pool::show_exhausted(),
        )
        .measured(
            "server_down",
            ARTICLE,
            "no server, and a server stopped and restarted: which error, after how long",
            |_| pool::show_server_down(),
        )
        .measured(
            "transactions",
            ARTICLE,
            "a transfer: committed, failed half-way, cancelled half-way",
            |_| transfer::show(),
        )
        .measured(
            "memory",
            ARTICLE,
            "100k rows: fetch_all versus a stream, peak memory",
            |_| memory::show(),
        )
}
