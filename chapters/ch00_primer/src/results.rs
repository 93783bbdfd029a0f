//! `Result` and `?`: errors as values, where Python raises exceptions.
//!
//! A Python function that can fail raises, and any caller up the stack may catch it with
//! `try/except`; nothing in the signature says so. A Rust function that can fail returns
//! `Result<T, E>`: `Ok(value)` or `Err(error)`, and the caller must look at it before it can
//! use the value. `match` is the `except`; `?` is "not my problem, let it propagate": on `Err`
//! it returns the error from the enclosing function at once, like an uncaught exception
//! leaving a frame. Panics (`unwrap` on an `Err`, an index out of range) are for bugs, not for
//! errors a caller should handle.
//!
//! `?` only works in a function that itself returns a `Result` (or an `Option`), error E0277:
//!
#![doc = "```compile_fail,E0277"]
#![doc = include_str!("../compile_fail/question_mark_in_main.rs")]
#![doc = "```"]

// ANCHOR: port
/// The port of `"host:port"`, or a message saying what is wrong with `addr`.
pub fn port(addr: &str) -> Result<u16, String> {
    let (_host, port) = addr
        .rsplit_once(':')
        .ok_or_else(|| format!("{addr:?} has no port"))?;
    port.parse()
        .map_err(|error| format!("{addr:?}: bad port {port:?}: {error}"))
}
// ANCHOR_END: port

// ANCHOR: propagate
/// Every port, or the first error: `?` returns it from here, skipping the rest.
pub fn ports(addrs: &[&str]) -> Result<Vec<u16>, String> {
    let mut found = Vec::new();
    for addr in addrs {
        found.push(port(addr)?);
    }
    Ok(found)
}
// ANCHOR_END: propagate

// ANCHOR: handle
/// `try: ... except ValueError as e: ...` is a `match` on the `Result`.
pub fn port_or_default(addr: &str, default: u16) -> (u16, Option<String>) {
    match port(addr) {
        Ok(port) => (port, None),
        Err(problem) => (default, Some(problem)),
    }
}
// ANCHOR_END: handle
