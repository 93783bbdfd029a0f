//! 三.3.1 greenlet: the article's greenlet listing, switch for switch.
//!
//! `func1` prints 1 and switches to `func2`, which prints 3 and switches back *into the middle
//! of `func1`*, which prints 2 and switches into the middle of `func2`, which prints 4. Neither
//! function returns to the other: they jump across, each picking up where it stopped. The
//! output is 1 3 2 4.
//!
//! When `func2` returns, its greenlet is finished and control goes to its parent, the main
//! greenlet, so `hub.switch(gr1, ())` returns; `gr1` stays suspended inside its second
//! `switch` for good. (The article numbers the steps 1, 2, 3, 5, 6, 7; here they are in the
//! order they run.)

use crate::greenlet::{Current, Greenlet, Hub};
use shared::outln;

// ANCHOR: funcs
fn func1(g: &Current<'_, ()>, gr2: Greenlet) {
    outln!("1"); // step 1
    g.switch(gr2, ()); // step 2: jump into func2
    outln!("2"); // step 5
    g.switch(gr2, ()); // step 6: back into func2, where it stopped
}

fn func2(g: &Current<'_, ()>, gr1: Greenlet) {
    outln!("3"); // step 3
    g.switch(gr1, ()); // step 4: back into func1, where it stopped
    outln!("4"); // step 7, then func2 returns: control goes to its parent, main
}
// ANCHOR_END: funcs

/// The tour section: the listing's main part.
pub fn show() {
    // ANCHOR: main
    let hub = Hub::new();
    let gr1 = hub.greenlet(); // gr1 = greenlet(func1)
    let gr2 = hub.greenlet(); // gr2 = greenlet(func2)
    hub.set_run(gr1, move |g, ()| func1(g, gr2));
    hub.set_run(gr2, move |g, ()| func2(g, gr1));
    hub.switch(gr1, ()); // gr1.switch()
    // ANCHOR_END: main
}
