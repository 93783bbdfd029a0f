//! # Chapter 9 — Async iterators: streams
//!
//! Retells the article's 三.5.6 异步迭代器 (async iterators): its `readlines` counter as a
//! hand-written `Stream` and as a generator-style one, `async for` as `while let … .next().await`,
//! then what async iteration is for: lines from a socket, a channel with back-pressure, and the
//! combinators that turn a stream of URLs into a bounded crawl.
//!
//! | Python (asyncio)                                   | Rust (tokio, futures, tokio-stream)                |
//! |----------------------------------------------------|----------------------------------------------------|
//! | async iterator: `__aiter__` + `__anext__`          | `impl Stream` with `poll_next`                     |
//! | `return item` from `__anext__`                     | `Poll::Ready(Some(item))`                          |
//! | `raise StopAsyncIteration`                         | `Poll::Ready(None)`                                |
//! | `__anext__` suspended in an `await`                | `Poll::Pending` (the waker is stored)              |
//! | async generator (`async def` + `yield`)            | `futures::stream::unfold` (or a task + channel)    |
//! | `async for x in it: ...`                           | `while let Some(x) = stream.next().await { ... }`  |
//! | `async for line in reader` (`StreamReader`)        | `LinesStream::new(BufReader::new(socket).lines())` |
//! | `asyncio.Queue(maxsize=n)`, `put`/`get`            | `mpsc::channel(n)` + `ReceiverStream`              |
//! | a loop with `if`, `append`, `break`                | `.filter(…)`, `.map(…)`, `.take(n)`, `.chunks(n)`  |
//! | `asyncio.timeout` around each `anext()`            | `.timeout(d)` (`tokio_stream::StreamExt`)          |
//! | no built-in (the `aiostream` package)              | `.throttle(d)`, `.merge(other)`                    |
//! | `Semaphore(n)` around each request                 | `.buffer_unordered(n)` / `.buffered(n)`            |

pub mod backpressure;
pub mod buffered_requests;
pub mod combinators;
pub mod counter_stream;
pub mod generator_stream;
pub mod tcp_lines;
pub mod time_combinators;
mod tour;

pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch09`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
