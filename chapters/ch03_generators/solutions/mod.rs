//! Reference solutions to chapter 3's exercises (the statements are in `exercises/`).
//!
//! `cargo test -p ch03_generators` runs the exercise tests against these, which proves every
//! exercise can be solved; `just exercise ch03` runs the same tests against your attempt.

mod averager;
mod fibonacci;
mod sleep_twice;

pub use averager::averager;
pub use fibonacci::fibonacci;
pub use sleep_twice::SleepTwice;
