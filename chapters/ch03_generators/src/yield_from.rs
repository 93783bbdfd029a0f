//! 三.3.2 yield: `yield` and `yield from`, with genawaiter generators.
//!
//! A genawaiter generator is an `async fn` that receives a [`Co`] ("coroutine handle") and
//! calls `co.yield_(value).await` wherever Python writes `yield value`. [`Gen::new`] turns the
//! function into a generator object: nothing runs until it is resumed (or iterated), exactly
//! like calling a Python generator function.
//!
//! `yield from` comes in two shapes:
//!
//! - **Delegating to code you write** ([`func1`] → [`func2`]): give the inner function a `&Co`
//!   instead of its own. Its yields then go straight out of the outer generator, and
//!   `yield from func2()` is just `func2(&co).await` — no loop, no extra allocation, and the
//!   inner function's return value is the value of the `.await`.
//! - **Delegating to a generator object** you were handed (a [`Gen`] with its own `Co`):
//!   [`yield_from`] re-yields everything it yields, forwards every value sent in, and returns
//!   its return value, which is what PEP 380 specifies for `yield from`.
//!
//! genawaiter has three flavours of generator: `stack` (no allocation, but it cannot leave the
//! function that created it, and creating one goes through a macro or `unsafe`), `rc` (the
//! future is boxed, so the generator is an ordinary value you can return and store; not
//! `Send`) and `sync` (like `rc` with `Arc` and a mutex inside, for generators that cross
//! threads). Python generators are ordinary single-threaded objects, so this chapter uses `rc`.

use genawaiter::GeneratorState;
use genawaiter::rc::{Co, Gen};
use shared::outln;
use std::future::Future;

// ANCHOR: func2
/// `def func2(): yield 3; yield 4`, written to be delegated to: it yields through the caller's
/// `Co`.
pub async fn func2(co: &Co<u32>) {
    co.yield_(3).await;
    co.yield_(4).await;
}
// ANCHOR_END: func2

// ANCHOR: func1
/// `def func1(): yield 1; yield from func2(); yield 2`
pub async fn func1(co: Co<u32>) {
    co.yield_(1).await;
    func2(&co).await; // yield from func2(): its values leave through our `co`
    co.yield_(2).await;
}
// ANCHOR_END: func1

// ANCHOR: yield_from
/// `yield from generator` for a generator object: re-yield what it yields, send it what we
/// are sent, and evaluate to what it returns.
pub async fn yield_from<Y, R, F>(co: &Co<Y, R>, mut generator: Gen<Y, R, F>) -> F::Output
where
    R: Default,
    F: Future,
{
    // Python starts the inner generator with `next()`, which is `send(None)`. genawaiter
    // discards the first resume value (there is no `yield` waiting for it yet), so any value
    // does; `R::default()` is `None` for an `Option`, like Python's.
    let mut sent = R::default();
    loop {
        match generator.resume_with(sent) {
            GeneratorState::Yielded(value) => sent = co.yield_(value).await,
            GeneratorState::Complete(returned) => return returned,
        }
    }
}
// ANCHOR_END: yield_from

/// The tour section: the article's `for item in func1(): print(item)`.
pub fn show() {
    // ANCHOR: iterate
    let f1 = Gen::new(func1); // a generator object: nothing has run yet
    for item in f1 {
        outln!("{item}");
    }
    // ANCHOR_END: iterate
}
