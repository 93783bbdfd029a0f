//! `cargo run -p ch09_streams`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch09_streams::tour().main()
}
