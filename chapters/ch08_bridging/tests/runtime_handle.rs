//! From plain threads into async code, and `block_on` where it is refused.

use ch08_bridging::runtime_handle::{fetch_price, prices_from_plain_threads};
use tokio::runtime::Handle;

#[test]
fn plain_threads_call_async_code_through_a_handle() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    assert_eq!(
        prices_from_plain_threads(runtime.handle(), &[1, 2, 3]),
        [10, 20, 30]
    );
}

#[tokio::test]
async fn block_on_in_a_task_panics_with_tokios_message() {
    let handle = Handle::current();
    let message = shared::panics::caught(|| {
        handle.block_on(fetch_price(1));
    });
    assert!(
        message
            .unwrap()
            .starts_with("Cannot start a runtime from within a runtime.")
    );
}

#[tokio::test]
async fn block_on_is_allowed_on_a_blocking_pool_thread() {
    // The blocking pool's threads drive no tasks, so blocking there is what they are for.
    let handle = Handle::current();
    let price = tokio::task::spawn_blocking(move || handle.block_on(fetch_price(2)));
    assert_eq!(price.await.unwrap(), 20);
}
