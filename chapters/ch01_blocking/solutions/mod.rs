//! Reference solutions to chapter 1's exercises (the statements are in `exercises/`).

mod bounded_async;
mod ideal_bound;

pub use bounded_async::bounded_async;
pub use ideal_bound::ideal_bound;
