//! 四.1 异步redis, expiry: `SET … EX`, `TTL`, and a key that is gone when its time is up.
//!
//! Expiry is the server's business: Redis removes the key on its own clock, so the client
//! can only ask (`TTL`, `PTTL`) and look again later. `TTL` and `PTTL` answer -1 for a key without
//! expiry and -2 for a key that does not exist; the redis crate keeps those apart
//! ([`IntegerReplyOrNoOp`]) instead of handing back a bare negative number.

use crate::connect::{Keys, connect};
use redis::{AsyncTypedCommands, IntegerReplyOrNoOp, RedisResult, SetExpiry, SetOptions};
use std::time::Duration;

// ANCHOR: expiry
/// `SET session … EX 60`, then the key's `PTTL` (time left, in ms); `SET token … PX ms`, then wait until it is gone.
pub async fn expiry(url: &str, keys: &Keys, token_ms: u64) -> RedisResult<Vec<String>> {
    let mut con = connect(url).await?;
    let mut lines = Vec::new();
    con.set_ex(keys.key("session"), "alice", 60).await?;
    let left = con.pttl(keys.key("session")).await?;
    lines.push(format!("PTTL session -> {}", describe(left)));
    con.set(keys.key("forever"), "x").await?;
    let forever = con.pttl(keys.key("forever")).await?;
    lines.push(format!("PTTL forever -> {}", describe(forever)));
    let missing = con.pttl(keys.key("missing")).await?;
    lines.push(format!("PTTL missing -> {}", describe(missing)));

    let options = SetOptions::default().with_expiration(SetExpiry::PX(token_ms));
    con.set_options(keys.key("token"), "t0k3n", options).await?;
    let token = con.get(keys.key("token")).await?;
    lines.push(format!(
        "GET token    -> {}",
        token.as_deref().unwrap_or("None")
    ));
    // The client waits on its own clock; the server expires the key on its clock.
    tokio::time::sleep(Duration::from_millis(token_ms + 50)).await;
    let token = con.get(keys.key("token")).await?;
    let token = token.as_deref().unwrap_or("None");
    lines.push(format!("GET token    -> {token} (after {token_ms} ms)"));
    Ok(lines)
}
// ANCHOR_END: expiry

fn describe(ttl: IntegerReplyOrNoOp) -> String {
    match ttl {
        IntegerReplyOrNoOp::IntegerReply(ms) => format!("{:.1} s left", ms as f64 / 1000.0),
        IntegerReplyOrNoOp::ExistsButNotRelevant => "no expiry (-1)".into(),
        IntegerReplyOrNoOp::NotExists => "no such key (-2)".into(),
        other => format!("reply {}", other.raw()),
    }
}

/// The tour's section.
pub fn show(url: &str) {
    let keys = Keys::new();
    let result = shared::runtime::real_time().block_on(async {
        for line in expiry(url, &keys, 200).await? {
            shared::outln!("{line}");
        }
        keys.clear(&mut connect(url).await?).await
    });
    crate::report(result);
}
