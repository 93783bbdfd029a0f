//! `cargo run -p ch06_event_loop`: the chapter's listings in the article's order.

fn main() -> std::process::ExitCode {
    ch06_event_loop::tour().main()
}
