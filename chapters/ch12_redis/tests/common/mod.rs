//! What both test files of the chapter share: a trial that runs an async body against the
//! shared Redis server.

use libtest_mimic::{Failed, Trial};
use shared::services::redis::RedisServer;
use std::future::Future;

/// A trial whose body runs on a fresh tokio runtime against the shared server's URL.
pub fn test<F, Fut>(name: &str, body: F) -> Trial
where
    F: FnOnce(String) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), Failed>>,
{
    Trial::test(name, move || {
        let url = RedisServer::shared()?.url().to_owned();
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
            .block_on(body(url))
    })
}
