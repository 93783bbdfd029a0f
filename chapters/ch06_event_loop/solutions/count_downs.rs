use crate::{sleep, spawn};
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

// ANCHOR: solution
/// Exercise `count_downs`: the Python loop, line for line.
pub async fn count_down(name: &'static str, mut n: u32, log: Rc<RefCell<Vec<String>>>) {
    while n > 0 {
        log.borrow_mut().push(format!("{name}{n}"));
        sleep(Duration::from_secs(1)).await;
        n -= 1;
    }
}

/// Exercise `count_downs`: two tasks on the executor, both awaited, then the list.
pub async fn count_downs() -> Vec<String> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let a = spawn(count_down("A", 2, Rc::clone(&log)));
    let b = spawn(count_down("B", 3, Rc::clone(&log)));
    for task in [a, b] {
        task.await.expect("count_down does not panic");
    }
    log.take()
}
// ANCHOR_END: solution
