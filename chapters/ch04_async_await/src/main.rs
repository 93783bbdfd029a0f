//! `cargo run -p ch04_async_await`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch04_async_await::tour().main()
}
