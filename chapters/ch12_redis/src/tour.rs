//! The chapter's tour: its sections in the article's order.
//!
//! Every section talks to the shared server (`REDIS_URL`, or a private `redis-server`);
//! without one, the first section prints what to install and the tour exits 2.

use crate::{expiry, faults, hashes, lost_updates, pool, pubsub, round_trips, set_get};
use shared::Tour;
use shared::services::redis::RedisServer;

fn url() -> &'static str {
    RedisServer::shared_or_exit().url()
}

/// Every listing of chapter 12, as `cargo run -p ch12_redis` runs them.
pub fn tour() -> Tour {
    Tour::new("ch12_redis", "async Redis")
        .measured(
            "set_get",
            "四.1 异步redis",
            "the article's listing: SET, GET, a missing key is None",
            |_| set_get::show(url()),
        )
        .measured(
            "expiry",
            "四.1 异步redis",
            "SET … EX, TTL, and a key that expires",
            |_| expiry::show(url()),
        )
        .measured(
            "hashes",
            "四.3 FastAPI",
            "hmset_dict as HSET, HGETALL into a map",
            |_| hashes::show(url()),
        )
        .measured(
            "round_trips",
            "四.1 异步redis",
            "one by one, pipelined, from many tasks",
            |_| round_trips::show(url()),
        )
        .measured(
            "pool",
            "四.3 FastAPI",
            "one multiplexed connection, and when a pool is needed",
            |_| pool::show(url()),
        )
        .measured(
            "lost_updates",
            "四.1 异步redis",
            "100 increments: GET+SET, INCR, WATCH/MULTI/EXEC",
            |_| lost_updates::show(url()),
        )
        .measured(
            "pubsub",
            "四.1 异步redis",
            "publish/subscribe as a stream",
            |_| pubsub::show(url()),
        )
        .measured(
            "faults",
            "四.1 异步redis",
            "the server killed and restarted: errors, reconnect, no lost writes",
            |_| faults::show(),
        )
}
