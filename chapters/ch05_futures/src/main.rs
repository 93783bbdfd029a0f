//! `cargo run -p ch05_futures`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch05_futures::tour().main()
}
