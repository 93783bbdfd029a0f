//! Reference solutions to chapter 4's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch04_async_await` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch04` runs the same tests against your attempt.

mod fetch_total;
mod gather;
mod run;

pub use fetch_total::fetch_total;
pub use gather::{gather_two, say_after};
pub use run::run;
