//! `cargo run -p ch10_async_guards`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch10_async_guards::tour().main()
}
