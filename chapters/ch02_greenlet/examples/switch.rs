//! Run with: cargo run -p ch02_greenlet --example switch
//!
//! The article's greenlet listing (func1 prints 1, switches to func2, which prints 3 and
//! switches back, ...) with plain corosensei coroutines. greenlet's `switch` is symmetric and
//! corosensei's coroutines are not (they suspend back to whoever resumed them), so each one
//! suspends with the name of the coroutine to switch to, and `main` does the switching.
//! Prints 1 3 2 4. Paste it into `cargo new switch` with
//!
//! ```toml
//! [dependencies]
//! corosensei = "0.3"
//! ```

use corosensei::{Coroutine, CoroutineResult, Yielder};

#[derive(Clone, Copy, Debug)]
enum Greenlet {
    One,
    Two,
}

fn main() {
    let mut gr1 = Coroutine::new(|switch: &Yielder<(), Greenlet>, ()| {
        println!("1");
        switch.suspend(Greenlet::Two); // gr2.switch()
        println!("2");
        switch.suspend(Greenlet::Two); // gr2.switch()
    });
    let mut gr2 = Coroutine::new(|switch: &Yielder<(), Greenlet>, ()| {
        println!("3");
        switch.suspend(Greenlet::One); // gr1.switch()
        println!("4"); // func2 returns: back to main, its parent
    });
    let mut next = Some(Greenlet::One); // gr1.switch()
    while let Some(greenlet) = next {
        let coroutine = match greenlet {
            Greenlet::One => &mut gr1,
            Greenlet::Two => &mut gr2,
        };
        next = match coroutine.resume(()) {
            CoroutineResult::Yield(to) => Some(to),
            CoroutineResult::Return(()) => None,
        };
    }
    // gr1 never finished; dropping it unwinds its stack, as greenlet kills a dead-end greenlet.
}
