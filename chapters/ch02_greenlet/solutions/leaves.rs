use crate::deep_switch::{Tree, for_each_leaf};
use corosensei::{Coroutine, Yielder};

// ANCHOR: solution
/// Exercise `leaves`: the walk runs on the coroutine's stack and stops at each leaf.
pub fn leaves(tree: Tree) -> Box<dyn Iterator<Item = u32>> {
    let mut walk = Coroutine::new(move |yielder: &Yielder<(), u32>, ()| {
        for_each_leaf(&tree, 0, &mut |leaf, _depth| yielder.suspend(leaf));
    });
    Box::new(std::iter::from_fn(move || {
        if walk.done() {
            return None; // resuming a finished coroutine would panic
        }
        walk.resume(()).as_yield()
    }))
}
// ANCHOR_END: solution
