//! `cargo run -p ch01_blocking`: the article's serial crawler, then the five-way comparison.

fn main() -> std::process::ExitCode {
    ch01_blocking::tour().main()
}
