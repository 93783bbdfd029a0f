//! Closures and `move`: functions that carry values with them.
//!
//! A Python `lambda` or nested function captures *variables*, and reads them when it runs:
//! `[lambda: i for i in range(3)]` gives three functions that all return 2 (late binding).
//! A Rust closure captures each value either by reference (the default, when that is enough)
//! or, with `move`, by taking it: the closure then owns its copy, fixed when it was created.
//! Threads and tasks always get `move` closures or `async move` blocks, because they may run
//! after the function that created them has returned.
//!
//! A closure that borrows a local cannot outlive it, error E0373:
//!
#![doc = "```compile_fail,E0373"]
#![doc = include_str!("../compile_fail/closure_borrows_local.rs")]
#![doc = "```"]

// ANCHOR: adders
/// Three closures, each owning the `n` it was made with: they return 10, 11 and 12 more.
pub fn adders() -> Vec<Box<dyn Fn(u32) -> u32>> {
    (0..3_u32)
        .map(|n| Box::new(move |x: u32| x + 10 + n) as Box<dyn Fn(u32) -> u32>)
        .collect()
}
// ANCHOR_END: adders

// ANCHOR: borrowing_closure
/// A closure that changes a local it borrows: `FnMut`, usable while the borrow lasts.
pub fn count_long(words: &[&str], min: usize) -> usize {
    let mut count = 0;
    let mut note = |word: &str| {
        if word.len() >= min {
            count += 1;
        }
    };
    for word in words {
        note(word);
    }
    count
}
// ANCHOR_END: borrowing_closure

// ANCHOR: thread_move
/// A thread needs `move`: it takes `name` with it and gives back what it made.
pub fn greet_from_a_thread(name: String) -> String {
    let handle = std::thread::spawn(move || format!("你好, {name}"));
    handle.join().expect("the greeting thread does not panic")
}
// ANCHOR_END: thread_move
