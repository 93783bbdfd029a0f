// The article's rule after its listing: `async for` only inside a coroutine function.
// In Rust the loop is `while let … .await`, and `.await` in a plain `fn` is a compile error.
async fn readline() -> Option<u32> {
    None
}

fn main() {
    while let Some(line) = readline().await {
        println!("{line}");
    }
}
