//! Ownership and borrowing: who may use a value, and who may change it.
//!
//! In Python every name is a reference to a shared object: pass a list to a function and both
//! sides hold the same list, and either may change it while the other is looking. Rust gives
//! every value exactly one owner. Passing a value *moves* it (the caller cannot use it any
//! more); lending it out is a *borrow*: many `&T` readers at once, or one `&mut T` writer and
//! nobody else. The compiler checks these rules, so "changed while someone was iterating" cannot
//! happen.
//!
//! Using a value after moving it is error E0382:
//!
#![doc = "```compile_fail,E0382"]
#![doc = include_str!("../compile_fail/use_after_move.rs")]
#![doc = "```"]
//!
//! Changing a `Vec` while iterating over it (Python: `RuntimeError: dictionary changed size
//! during iteration`, or a list loop that never ends) is error E0502:
//!
#![doc = "```compile_fail,E0502"]
#![doc = include_str!("../compile_fail/push_while_iterating.rs")]
#![doc = "```"]

// ANCHOR: moves
/// Takes the list: after the call the caller no longer has it.
pub fn into_report(urls: Vec<String>) -> String {
    urls.join(", ")
}
// ANCHOR_END: moves

// ANCHOR: borrows
/// Reads the list without taking it: `&[String]` is a shared borrow.
pub fn count_https(urls: &[String]) -> usize {
    urls.iter()
        .filter(|url| url.starts_with("https://"))
        .count()
}

/// Changes the list in place: `&mut [String]` is an exclusive borrow of its items.
pub fn add_scheme(urls: &mut [String]) {
    for url in urls.iter_mut() {
        if !url.contains("://") {
            url.insert_str(0, "http://");
        }
    }
}
// ANCHOR_END: borrows

// ANCHOR: caller
/// Lend mutably, lend, then give away a copy and keep the original.
pub fn tidy_and_report(mut urls: Vec<String>) -> (String, Vec<String>) {
    add_scheme(&mut urls); // one writer, for the length of the call
    let report = into_report(urls.clone()); // the clone moves into the call; `urls` stays ours
    (report, urls)
}
// ANCHOR_END: caller
