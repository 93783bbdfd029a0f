//! Reference solutions to chapter 7's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch07_tasks` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch07` runs the same tests against your attempt.

mod by_completion;
mod first_completed;
mod results_within;

pub use by_completion::{after, by_completion};
pub use first_completed::first_completed;
pub use results_within::results_within;

mod withdraw;
pub use withdraw::withdraw;

mod worker_pool;
pub use worker_pool::worker_pool;
