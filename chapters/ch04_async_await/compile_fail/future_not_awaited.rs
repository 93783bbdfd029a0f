// The article's `func()` without `await`, with the lint denied as `-D warnings` does.
#![deny(unused_must_use)]

fn main() {
    ch04_async_await::lazy_future::greet();
}
