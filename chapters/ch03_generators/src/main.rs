//! `cargo run -p ch03_generators`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch03_generators::tour().main()
}
