//! Reference solutions to chapter 2's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch02_greenlet` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch02` runs the same tests against your attempt.

mod leaves;
mod same_fringe;

pub use leaves::leaves;
pub use same_fringe::same_fringe;
