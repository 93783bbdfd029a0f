//! # Chapter 0 — Rust for asyncio programmers
//!
//! The Rust that the chapters assume, each idea beside the Python one it replaces, and the
//! project's own helpers that every listing uses. Nothing here retells the article; it is what a
//! reader of the article needs before chapter 1. The book page is `book/src/rust_primer.md`;
//! the one-page asyncio → tokio sheet (`book/src/cheat_sheet.md`) takes its code from
//! [`cheat_sheet`].
//!
//! | Python                                         | Rust                                        |
//! |------------------------------------------------|---------------------------------------------|
//! | names share objects; anyone may change them     | one owner; `&` borrows to read, `&mut` to write ([`ownership`]) |
//! | `raise`, `try/except`                          | `Result<T, E>`, `?`, `match` ([`results`])  |
//! | `lambda`, nested functions (late binding)      | closures; `move` takes the values ([`closures`]) |
//! | `__str__`, protocols, ABCs                     | traits: `Display`, our own ([`traits`])     |
//! | every task on the loop's one thread            | `Send + 'static` for `tokio::spawn` ([`send_static`]) |
//! | reference counting, always                     | `Arc<T>` when asked ([`arc`])               |
//! | f-strings, decorators                          | macros: `format!`, `#[tokio::main]` ([`macros`]) |
//! | `asyncio.run`, `print`, a slow web site        | `block_on`, `outln!`, `Timeline`, `FixtureServer` ([`helpers`]) |

pub mod arc;
pub mod cheat_sheet;
pub mod closures;
pub mod helpers;
pub mod macros;
pub mod ownership;
pub mod results;
pub mod send_static;
mod tour;
pub mod traits;

pub use tour::tour;
