//! Reference solutions to chapter 11's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch11_runtimes` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch11` runs the same tests against your attempt.

mod block_on;
mod sleep_anywhere;

pub use block_on::block_on;
pub use sleep_anywhere::sleep_anywhere;
