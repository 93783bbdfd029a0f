use crate::deep_switch::Walk;
use crate::greenlet::{Greenlet, Hub};

// ANCHOR: solution
/// Exercise `same_fringe`: two walks in two greenlets, pulled one leaf at a time.
pub fn same_fringe(a: Walk, b: Walk) -> bool {
    let hub = Hub::new();
    let walkers = [a, b].map(|walk| {
        let walker = hub.greenlet();
        hub.set_run(walker, move |g, _| {
            walk(&mut |leaf| {
                g.switch(Greenlet::MAIN, Some(leaf));
            });
            None
        });
        walker
    });
    loop {
        // A finished walker is dead: switching to it lands back here with the `None` we sent.
        let [left, right] = walkers.map(|walker| hub.switch(walker, None));
        if left != right {
            return false; // the walks still suspended are unwound when `hub` is dropped
        }
        if left.is_none() {
            return true;
        }
    }
}
// ANCHOR_END: solution
