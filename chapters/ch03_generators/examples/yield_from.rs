//! Run with: cargo run -p ch03_generators --example yield_from
//!
//! The article's `yield from` listing with a plain genawaiter generator: func1 yields 1,
//! delegates to func2 (3, 4), then yields 2. Prints 1 3 4 2. Paste it into `cargo new
//! yield_from` with
//!
//! ```toml
//! [dependencies]
//! genawaiter = { version = "0.99", default-features = false }
//! ```

use genawaiter::rc::{Co, Gen};

/// `def func2(): yield 3; yield 4`
async fn func2(co: &Co<u32>) {
    co.yield_(3).await;
    co.yield_(4).await;
}

/// `def func1(): yield 1; yield from func2(); yield 2`
async fn func1(co: Co<u32>) {
    co.yield_(1).await;
    func2(&co).await;
    co.yield_(2).await;
}

fn main() {
    for item in Gen::new(func1) {
        println!("{item}");
    }
}
