//! Reference solutions to chapter 5's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch05_futures` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch05` runs the same tests against your attempt.

mod run_in_thread;
mod yield_now;

pub use run_in_thread::run_in_thread;
pub use yield_now::YieldNow;
