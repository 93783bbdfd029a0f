// Suspending inside the walk without a stack of its own: `.await` in the plain closure that
// `for_each_leaf` calls on each leaf.
use ch02_greenlet::deep_switch::{Tree, for_each_leaf};

async fn sum_leaves(tree: &Tree) {
    for_each_leaf(tree, 0, &mut |_leaf, _depth| {
        std::future::ready(()).await;
    });
}

fn main() {
    let _ = sum_leaves(&Tree::Leaf(1));
}
