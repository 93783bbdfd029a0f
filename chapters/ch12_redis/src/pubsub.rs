//! 四.1 异步redis, publish/subscribe as a stream (chapter 9's `Stream`, fed by the server).
//!
//! A subscribed connection only receives messages, so it is a connection of its own
//! (`Client::get_async_pubsub`), turned into a `Stream` of messages that a task reads with
//! `next().await`, like `async for message in pubsub.listen()` in redis-py. Dropping the
//! stream closes the connection, and the server forgets the subscription: nothing to
//! unsubscribe by hand, nothing left subscribed when the task ends early.

use crate::connect::{Keys, connect};
use futures::StreamExt;
use redis::aio::MultiplexedConnection;
use redis::{AsyncTypedCommands, Client, RedisResult};
use shared::outln;
use std::time::Duration;

// ANCHOR: subscriber
/// Subscribe to `channel`, then spawn a task that collects messages until one says `stop`.
pub async fn subscriber(
    url: &str,
    channel: String,
) -> RedisResult<tokio::task::JoinHandle<Vec<String>>> {
    let mut pubsub = Client::open(url)?.get_async_pubsub().await?;
    pubsub.subscribe(&channel).await?; // subscribed once this returns
    Ok(tokio::spawn(async move {
        let mut messages = pubsub.into_on_message();
        let mut received = Vec::new();
        while let Some(message) = messages.next().await {
            let text: String = message.get_payload().unwrap_or_default();
            let stop = text == "stop";
            received.push(text);
            if stop {
                break;
            }
        }
        received // the stream is dropped here: connection closed, subscription gone
    }))
}
// ANCHOR_END: subscriber

/// How many clients are subscribed to `channel` (`PUBSUB NUMSUB`).
pub async fn subscribers(con: &mut MultiplexedConnection, channel: &str) -> RedisResult<usize> {
    let (_, count): (String, usize) = redis::cmd("PUBSUB")
        .arg("NUMSUB")
        .arg(channel)
        .query_async(con)
        .await?;
    Ok(count)
}

/// Wait (up to two seconds) until the server has noticed that the subscriber went away.
pub async fn until_unsubscribed(
    con: &mut MultiplexedConnection,
    channel: &str,
) -> RedisResult<usize> {
    for _ in 0..200 {
        let count = subscribers(con, channel).await?;
        if count == 0 {
            return Ok(0);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    subscribers(con, channel).await
}

/// The tour's section.
pub fn show(url: &str) {
    let channel = Keys::new().key("news");
    let result = shared::runtime::real_time().block_on(async {
        let mut con = connect(url).await?;
        let listener = subscriber(url, channel.clone()).await?;
        outln!(
            "subscribed: {} subscriber on the channel",
            subscribers(&mut con, &channel).await?
        );
        for text in ["hello", "second message", "stop"] {
            let receivers = con.publish(&channel, text).await?;
            outln!("PUBLISH \"{text}\" -> {receivers} receiver");
        }
        let received = listener.await.expect("the subscriber task does not panic");
        outln!("the subscriber received: {}", received.join(", "));
        let left = until_unsubscribed(&mut con, &channel).await?;
        outln!("after the stream was dropped: {left} subscribers");
        Ok::<(), redis::RedisError>(())
    });
    crate::report(result);
}
