//! Reference solutions to chapter 10's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch10_async_guards` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch10` runs the same tests against your attempt.

mod enter_all;
mod exit_all;

pub use enter_all::enter_all;
pub use exit_all::exit_all;
