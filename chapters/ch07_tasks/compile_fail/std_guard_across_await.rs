use std::sync::{Arc, Mutex};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let count = Arc::new(Mutex::new(0_u64));
    let task = tokio::spawn(async move {
        let mut guard = count.lock().unwrap();
        tokio::task::yield_now().await; // awaiting while holding a std guard
        *guard += 1;
    });
    task.await.unwrap();
}
