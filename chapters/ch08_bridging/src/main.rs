//! `cargo run -p ch08_bridging`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch08_bridging::tour().main()
}
