//! `cargo run -p ch00_primer`: the project's own helpers at work, as every later chapter uses them.

fn main() -> std::process::ExitCode {
    ch00_primer::tour().main()
}
