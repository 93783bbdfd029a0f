//! # Chapter 6 — an event loop from scratch
//!
//! Retells the article's 三.5.1 事件循环 (the event loop). The article describes the loop in
//! pseudo-code: a list of tasks, checked over and over, the ready ones run, the finished ones
//! removed, until the list is empty. This chapter makes that real twice: first literally
//! ([`polling_loop`], which works and burns a CPU core doing it), then the way real loops do it
//! ([`executor`]: a ready queue, wakers that re-queue a task, a timer heap, and a thread that
//! sleeps when there is nothing to do). The same listing then runs on tokio.
//!
//! | Python (asyncio)                                   | Rust (this chapter)                              |
//! |----------------------------------------------------|--------------------------------------------------|
//! | `loop = asyncio.new_event_loop()`                  | `Executor::new()`                                |
//! | `loop.run_until_complete(main())`, `asyncio.run`   | `executor.block_on(main())`                      |
//! | `asyncio.create_task(coro)`                        | `executor.spawn(future)`, or [`spawn`] in a task |
//! | `loop._ready`, a deque of callbacks                | the ready queue of task ids                      |
//! | a done future queues `task.__wakeup` (`call_soon`) | `waker.wake()` puts the task id back in the queue|
//! | `loop.call_soon_threadsafe(...)`                   | `waker.wake()` from any thread                   |
//! | `loop._scheduled`, a `heapq` of timer handles      | [`timer`]'s `BinaryHeap` of deadlines            |
//! | `selector.select(timeout=next_deadline)`           | `thread::park_timeout(next_deadline - now)`      |
//! | `await asyncio.sleep(2)`                           | `sleep(Duration::from_secs(2)).await`            |
//! | an exception stored in the `Task`                  | the `JoinHandle` resolves to `Err(TaskPanicked)` |
//!
//! The executor's public API (`Executor::new`, `spawn`, `block_on`, `run`, [`sleep`], [`now`]) is
//! small on purpose: the same few calls a tokio program makes, so the same workload runs on both.

pub mod cpu_time;
pub mod executor;
pub mod poll_count;
pub mod polling_loop;
pub mod raw_waker;
pub mod spawning;
pub mod timer;
mod tour;
pub mod two_tasks;

pub use executor::{Executor, JoinHandle, TaskPanicked, spawn};
pub use timer::{Sleep, now, sleep};
pub use tour::tour;

/// The chapter's exercises: the reader's attempts (`exercises/`) with `--features attempt`
/// (`just exercise ch06`), the reference solutions (`solutions/`) otherwise. How to work on
/// them, with completion in your editor: `chapters/EXERCISES.md`.
#[cfg_attr(feature = "attempt", path = "../exercises/mod.rs")]
#[cfg_attr(not(feature = "attempt"), path = "../solutions/mod.rs")]
pub mod exercises;
