//! Reference solutions to chapter 8's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch08_bridging` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch08` runs the same tests against your attempt.

mod fetch_sizes;
mod sum_cooperatively;

pub use fetch_sizes::fetch_sizes;
pub use sum_cooperatively::sum_cooperatively;
