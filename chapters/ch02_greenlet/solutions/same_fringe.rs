use crate::deep_switch::{Tree, for_each_leaf};
use crate::greenlet::{Greenlet, Hub};

// ANCHOR: solution
/// Exercise `same_fringe`: two walks in two greenlets, pulled one leaf at a time.
pub fn same_fringe(a: Tree, b: Tree) -> bool {
    let hub = Hub::new();
    let walkers = [a, b].map(|tree| {
        let walker = hub.greenlet();
        hub.set_run(walker, move |g, _| {
            for_each_leaf(&tree, 0, &mut |leaf, _depth| {
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
