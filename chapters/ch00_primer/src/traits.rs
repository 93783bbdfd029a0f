//! Traits: what Python spells as dunder methods, protocols and ABCs.
//!
//! Python finds out at run time whether an object "quacks": `str(x)` calls `x.__str__`, `await x`
//! needs `x.__await__`, and a missing method is an `AttributeError` or `TypeError` when that
//! line runs. A Rust trait names a set of methods; a type *implements* it; a generic function
//! says which traits it needs (`impl Display`), and the compiler checks every call before the
//! program exists. `Display` is `__str__`, `Debug` is `__repr__`, `Iterator` is `__next__`,
//! and `Future` (chapter 5) is `__await__`.
//!
//! Passing a type that lacks the trait is error E0277:
//!
#![doc = "```compile_fail,E0277"]
#![doc = include_str!("../compile_fail/missing_display.rs")]
#![doc = "```"]

use std::fmt;

// ANCHOR: display
/// A finished download.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub url: String,
    pub bytes: usize,
}

/// `def __str__(self): return f"{self.url} ({self.bytes} bytes)"`
impl fmt::Display for Download {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} bytes)", self.url, self.bytes)
    }
}
// ANCHOR_END: display

// ANCHOR: generic
/// Accepts a slice of anything that can be printed, like a function taking "any object with
/// `__str__`", but checked when compiled.
pub fn describe(items: &[impl fmt::Display]) -> String {
    items
        .iter()
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
// ANCHOR_END: generic

// ANCHOR: own_trait
/// A trait of our own: an abstract base class with one abstract method and one default.
pub trait Source {
    /// The body for `path`.
    fn fetch(&self, path: &str) -> String;

    /// Provided for every implementor, like a concrete method on the ABC.
    fn fetch_all(&self, paths: &[&str]) -> Vec<String> {
        paths.iter().map(|path| self.fetch(path)).collect()
    }
}

/// An implementor: answers every path with its own name upper-cased.
#[derive(Debug)]
pub struct Shouting;

impl Source for Shouting {
    fn fetch(&self, path: &str) -> String {
        path.to_uppercase()
    }
}
// ANCHOR_END: own_trait
