//! Run with: cargo run -p ch09_streams --example readlines
//!
//! The article's async iterator (三.5.6) as a plain program: a reader whose `readline` counts
//! up and returns `None` at 100, turned into a `Stream`, consumed with `while let ... .await`,
//! Rust's `async for`. Prints 1 to 99. Paste it into `cargo new readlines` with
//!
//! ```toml
//! [dependencies]
//! tokio = { version = "1", features = ["rt", "macros"] }
//! futures = "0.3"
//! ```

use futures::StreamExt;

struct Reader {
    count: u32,
}

impl Reader {
    async fn readline(&mut self) -> Option<u32> {
        self.count += 1;
        if self.count == 100 {
            return None; // the article's StopAsyncIteration
        }
        Some(self.count)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // __anext__: the next line, or the end of the stream.
    let lines = futures::stream::unfold(Reader { count: 0 }, |mut reader| async move {
        let line = reader.readline().await?;
        Some((line, reader))
    });
    let mut lines = std::pin::pin!(lines);
    while let Some(line) = lines.next().await {
        // async for line in reader:
        println!("{line}");
    }
}
