#[tokio::main(flavor = "current_thread")]
async fn main() {
    let hits = std::rc::Rc::new(std::cell::Cell::new(0));
    let task = tokio::spawn(async move { hits.set(hits.get() + 1) }); // Rc is not Send
    task.await.unwrap();
}
