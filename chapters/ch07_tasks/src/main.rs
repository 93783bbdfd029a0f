//! `cargo run -p ch07_tasks`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch07_tasks::tour().main()
}
