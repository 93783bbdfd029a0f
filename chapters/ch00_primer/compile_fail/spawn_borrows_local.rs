#[tokio::main(flavor = "current_thread")]
async fn main() {
    let name = String::from("a");
    let task = tokio::spawn(async { name.len() }); // `async move` would give `name` to the task
    println!("{}", task.await.unwrap());
}
