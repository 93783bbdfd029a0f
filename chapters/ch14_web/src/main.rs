//! Run with `cargo run -p ch14_web` for the tour (it starts the service on a free port, makes
//! each section's requests and stops it), or `cargo run -p ch14_web -- serve [--addr …]` for
//! the service itself.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("serve") {
        return ch14_web::cli::main(args.into_iter().skip(1));
    }
    ch14_web::tour().main()
}
