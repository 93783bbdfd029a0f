//! Reference solutions to chapter 6's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch06_event_loop` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch06` runs the same tests against your attempt.

mod count_downs;
mod timeout;
mod yield_now;

pub use count_downs::{count_down, count_downs};
pub use timeout::timeout;
pub use yield_now::yield_now;
