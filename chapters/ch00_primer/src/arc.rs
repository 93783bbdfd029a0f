//! `Arc`: one value, many owners, as every Python object has.
//!
//! CPython keeps a reference count in every object and frees it when the count drops to zero.
//! Rust does that only when asked: `Arc<T>` ("atomically reference counted") is a pointer to a
//! `T` shared by all its clones; `Arc::clone` copies the pointer, not the `T`, and the last
//! clone dropped frees it. It is how several tasks share one configuration, one client, one
//! cache. What an `Arc` shares is read-only: several owners must not write to the same value
//! unsynchronised, so changing it takes a `Mutex` or an atomic inside (chapter 7's shared
//! state page).
//!
//! Writing through an `Arc` is error E0596:
//!
#![doc = "```compile_fail,E0596"]
#![doc = include_str!("../compile_fail/arc_write.rs")]
#![doc = "```"]

use std::sync::{Arc, Mutex};

// ANCHOR: shared_config
/// Every task holds the same list of mirrors; nothing is copied but a pointer.
pub async fn pick_mirrors(mirrors: Vec<String>, tasks: usize) -> (Vec<String>, usize) {
    let mirrors = Arc::new(mirrors);
    let mut handles = Vec::new();
    for i in 0..tasks {
        let mirrors = Arc::clone(&mirrors); // a second owner, for the task
        handles.push(tokio::spawn(
            async move { mirrors[i % mirrors.len()].clone() },
        ));
    }
    let mut picked = Vec::new();
    for handle in handles {
        picked.push(handle.await.expect("the task does not panic"));
    }
    // Every task's clone is dropped by now: ours is the only owner left.
    (picked, Arc::strong_count(&mirrors))
}
// ANCHOR_END: shared_config

// ANCHOR: arc_mutex
/// Many owners *and* changes: the `Mutex` inside lets one owner at a time write.
pub async fn collect_from_tasks(tasks: u32) -> Vec<u32> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for i in 0..tasks {
        let seen = Arc::clone(&seen);
        handles.push(tokio::spawn(async move {
            seen.lock().expect("no task panics holding it").push(i);
        }));
    }
    for handle in handles {
        handle.await.expect("the task does not panic");
    }
    let mut seen = seen.lock().expect("no task panicked holding it").clone();
    seen.sort_unstable();
    seen
}
// ANCHOR_END: arc_mutex
