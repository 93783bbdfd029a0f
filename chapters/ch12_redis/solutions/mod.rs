//! Reference solutions to chapter 12's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch12_redis` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch12` runs the same tests against your attempt.

mod get_or_compute;
mod rate_limiter;

pub use get_or_compute::get_or_compute;
pub use rate_limiter::allow;
