//! Reference solutions to chapter 14's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch14_web` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch14` runs the same tests against your attempt.

mod health;
mod signup;

pub use health::{Health, health};
pub use signup::Signup;
