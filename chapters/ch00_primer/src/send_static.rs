//! `Send` and `'static`: why `tokio::spawn` refuses some futures that `await` accepts.
//!
//! asyncio runs every task on the loop's one thread, and a task may hold anything. tokio's
//! default runtime runs tasks on a pool of threads and may move a task from one thread to
//! another at any `.await`. So `tokio::spawn` asks two things of the future it is given:
//!
//! - `Send`: everything it holds may cross to another thread. `Rc` (a reference count that is
//!   not atomic) and `RefCell` are not `Send`; `Arc` and `Mutex` are.
//! - `'static`: it borrows nothing from the function that spawned it, since the task may run
//!   on after that function has returned. So a task owns its data: `async move`.
//!
//! Borrowing a local in a spawned task is error E0373:
//!
#![doc = "```compile_fail,E0373"]
#![doc = include_str!("../compile_fail/spawn_borrows_local.rs")]
#![doc = "```"]
//!
//! Spawning a task that holds an `Rc` is refused with "future cannot be sent between threads
//! safely" (a diagnostic with no error code):
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/spawn_rc.rs")]
#![doc = "```"]

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use tokio::task::LocalSet;

// ANCHOR: owned
/// Each task owns its name (`async move`), so it is `Send + 'static` and may be spawned.
pub async fn lengths(names: Vec<String>) -> Vec<usize> {
    let mut tasks = Vec::new();
    for name in names {
        tasks.push(tokio::spawn(async move {
            tokio::task::yield_now().await; // a point where the task may change threads
            name.len()
        }));
    }
    let mut lengths = Vec::new();
    for task in tasks {
        lengths.push(task.await.expect("the task does not panic"));
    }
    lengths
}
// ANCHOR_END: owned

// ANCHOR: local
/// asyncio's model, one thread for every task: a `LocalSet` runs `spawn_local` tasks, which
/// need not be `Send`, so they may share an `Rc<Cell<_>>` like asyncio tasks share an int.
pub async fn count_on_one_thread(tasks: usize) -> usize {
    let hits = Rc::new(Cell::new(0));
    let local = LocalSet::new();
    for _ in 0..tasks {
        let hits = Rc::clone(&hits);
        local.spawn_local(async move {
            tokio::time::sleep(Duration::from_millis(10)).await;
            hits.set(hits.get() + 1);
        });
    }
    local.await; // runs until every local task is done
    hits.get()
}
// ANCHOR_END: local
