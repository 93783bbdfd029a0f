//! Reference solutions to chapter 13's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch13_mysql` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch13` runs the same tests against your attempt.

mod apply_payment;
mod page_after;

pub use apply_payment::apply_payment;
pub use page_after::page_after;
