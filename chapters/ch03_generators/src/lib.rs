//! # Chapter 3 — generators, `yield from` and generator-based coroutines
//!
//! Retells the article's 三.3.2 yield (`yield` and `yield from`) and 三.3.3 asyncio
//! (`@asyncio.coroutine`: coroutines built from generators, before `async`/`await` existed).
//!
//! | Python                                   | Rust (genawaiter `rc` + tokio)                        |
//! |------------------------------------------|-------------------------------------------------------|
//! | `def func(): yield 1`                    | `async fn func(co: Co<u32>) { co.yield_(1).await }`   |
//! | `func()` gives a generator object        | `Gen::new(func)`                                      |
//! | `for item in gen: ...`                   | `for item in gen { ... }` (`Gen` is `IntoIterator`)   |
//! | `yield from func2()` (you wrote `func2`) | `func2(&co).await`: hand the `Co` down                |
//! | `yield from some_generator_object`       | [`yield_from::yield_from`]`(&co, generator).await`    |
//! | `next(gen)` / `gen.send(value)`          | `gen.resume()` / `gen.resume_with(value)`             |
//! | `x = yield total` (receive a sent value) | `let x = co.yield_(total).await;`                     |
//! | `return value` / `StopIteration.value`   | `return value` / `GeneratorState::Complete(value)`    |
//! | `@asyncio.coroutine` + `yield from sleep`| a generator yielding [`generator_coroutines::Sleep`]  |
//! | the event loop that drives them          | [`generator_coroutines::run_until_complete`]          |
//! | `async def` (the compiler's generator)   | `async fn`: a state machine, see [`state_machine`]    |
//!
//! Rust has generators built in, but unstable (nightly only). [`genawaiter`] builds them on
//! stable Rust out of `async fn`: an `async fn` *is* a resumable function, and `co.yield_(v)`
//! is a future that parks the value and returns `Pending` once, which makes the generator's
//! `resume` come back with the value. No runtime is involved: `resume` polls the future itself.
//!
//! genawaiter is used here without its default `proc_macro` feature: its `gen!`/`yield_!`
//! macros only hide the `Co` argument, and passing `Co` by hand is what makes `yield from` a
//! plain `.await` anyway. Edition 2024 reserves `gen` as a keyword (for Rust's own generators),
//! so the macro would have to be spelt `r#gen!`, like any other name `gen`:
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/gen_keyword.rs")]
#![doc = "```"]
//!
//! ```
//! let r#gen = genawaiter::rc::Gen::new(ch03_generators::yield_from::func1);
//! assert_eq!(r#gen.into_iter().collect::<Vec<_>>(), [1, 3, 4, 2]);
//! ```

pub mod bench;
pub mod generator_coroutines;
pub mod send_and_return;
pub mod state_machine;
mod tour;
pub mod yield_from;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch03`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
