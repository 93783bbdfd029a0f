use std::sync::Arc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let count = Arc::new(0_u64);
    let mut tasks = Vec::new();
    for _ in 0..2 {
        let count = Arc::clone(&count);
        tasks.push(tokio::spawn(async move { *count += 1 })); // two tasks, one plain u64
    }
    for task in tasks {
        task.await.unwrap();
    }
}
