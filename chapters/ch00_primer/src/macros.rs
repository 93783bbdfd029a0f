//! Macros and the `!`: code that writes code, checked when compiled.
//!
//! A name followed by `!` is a macro: `println!`, `format!`, `vec!`, `tokio::join!`,
//! `tokio::select!`, and this project's `outln!`. A macro is expanded into ordinary Rust before
//! type checking, so it can take a variable number of arguments and check a format string
//! against its arguments, which a Python f-string or `str.format` only does when the line runs.
//! An attribute in `#[...]` above an item is a macro too: `#[tokio::main]` rewrites `async fn
//! main` into a `main` that builds a runtime and calls `block_on`, the way a Python decorator
//! wraps a function (chapter 4).
//!
//! A format string asking for more arguments than it gets does not compile
//! (Python: `"{} {}".format(1)` is an `IndexError` at run time):
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/format_arguments.rs")]
#![doc = "```"]

// ANCHOR: format
/// `f"{url} took {secs:.2f} s"`: the names are checked against the variables in scope.
pub fn took(url: &str, secs: f64) -> String {
    format!("{url} took {secs:.2} s")
}
// ANCHOR_END: format

// ANCHOR: macro_rules
/// A macro of our own: `max_of!(a, b, c, ...)`, any number of arguments, expanded when
/// compiled into nested `max` calls.
#[macro_export]
macro_rules! max_of {
    ($only:expr) => { $only };
    ($first:expr, $($rest:expr),+) => { ::std::cmp::max($first, $crate::max_of!($($rest),+)) };
}
// ANCHOR_END: macro_rules
