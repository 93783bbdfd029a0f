//! `cargo run -p ch02_greenlet`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch02_greenlet::tour().main()
}
