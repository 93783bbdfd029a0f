//! Shared state between tasks: asyncio's `Lock`, `Event`, `Condition`, `Semaphore` and `Queue`,
//! and what tokio has in their place.
//!
//! The article's 三.1 协程 says coroutines need "no atomic locking" (无需原子操作锁定). That holds
//! for asyncio, where every task runs on the loop's one thread and nothing can interrupt a task
//! between two `await`s. It fails twice in Rust with tokio:
//!
//! - on tokio's multi-thread runtime two tasks run *at the same instant* on two threads, so a
//!   read-modify-write needs a lock or an atomic even with no `.await` in it ([`lost_update`]);
//! - on any runtime, asyncio's included, an `await` between the read and the write lets another
//!   task in, and an update is lost ([`lost_update::one_thread`]).
//!
//! The compiler refuses the first kind outright (a plain value written from two tasks does not
//! compile); the second kind is a logic error that compiles in both languages, and only a lock
//! held across the `await` prevents it.
//!
//! | asyncio                    | tokio                                                         |
//! |----------------------------|---------------------------------------------------------------|
//! | `asyncio.Lock`             | `tokio::sync::Mutex` (held across `.await`) or `std::sync::Mutex` (not) ([`locks`]) |
//! | `asyncio.Event`            | `tokio::sync::watch<bool>`; `Notify` for a wake-up without memory ([`signals`]) |
//! | `asyncio.Condition`        | `watch::Receiver::wait_for(predicate)` ([`signals`])          |
//! | `asyncio.Semaphore`        | `tokio::sync::Semaphore` ([`semaphore`])                       |
//! | `asyncio.Queue(maxsize)`   | `tokio::sync::mpsc::channel(capacity)` ([`channels`])          |
//! | one value, latest wins     | `tokio::sync::watch` ([`channels`])                            |
//! | every message to everyone  | `tokio::sync::broadcast` ([`channels`])                        |
//!
//! Everything shared between spawned tasks sits behind an `Arc`, since each task must own what
//! it holds (`'static`).
//!
//! Two tasks writing one plain integer, the data race the compiler refuses (E0594):
//!
#![doc = "```compile_fail,E0594"]
#![doc = include_str!("../compile_fail/arc_data_race.rs")]
#![doc = "```"]
//!
//! A `std::sync::MutexGuard` held across an `.await` in a spawned task ("future cannot be
//! sent between threads safely", a diagnostic with no error code):
//!
#![doc = "```compile_fail"]
#![doc = include_str!("../compile_fail/std_guard_across_await.rs")]
#![doc = "```"]

pub mod bank;
pub mod channels;
pub mod locks;
pub mod lost_update;
pub mod semaphore;
pub mod signals;
