//! Reference solutions to chapter 9's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch09_streams` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch09` runs the same tests against your attempt.

mod countdown;
mod fetch_in_order;

pub use countdown::countdown;
pub use fetch_in_order::fetch_in_order;
