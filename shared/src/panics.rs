//! Panics that a listing causes on purpose.
//!
//! Several chapters show what happens when code panics: a task whose `JoinError` carries the
//! panic, a greenlet whose panic surfaces in its parent, `block_on` refusing to nest. Two things
//! come up each time:
//!
//! - the panic's *message*: `panic!("...")` carries a `&str` or a `String` inside a
//!   `Box<dyn Any + Send>`, and [`message`] gets the text out;
//! - the *panic hook*: before unwinding starts, the process-wide hook prints
//!   `thread 'main' panicked at …` to stderr, like `sys.excepthook`. A listing that reports
//!   the panic itself swaps the hook for the length of the listing with [`QuietPanics`].

use std::any::Any;
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::{Mutex, MutexGuard};

/// The text of a panic payload (from `catch_unwind`, a `JoinError`, a panic hook).
pub fn message(payload: &(dyn Any + Send)) -> &str {
    match payload.downcast_ref::<&str>() {
        Some(text) => text,
        None => payload
            .downcast_ref::<String>()
            .map_or("(a panic without a message)", String::as_str),
    }
}

/// What `std::panic::take_hook` hands back.
type PanicHook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// The hook is one global: two guards at once would each restore the other's hook.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

// ANCHOR: quiet
/// While alive, panics print nothing (or what [`QuietPanics::with`] says); dropping it puts the
/// previous panic hook back.
///
/// The hook belongs to the whole process, so guards are taken one at a time: a second one
/// waits for the first to be dropped. Do not nest them on one thread.
pub struct QuietPanics {
    previous: Option<PanicHook>,
    _one_at_a_time: MutexGuard<'static, ()>,
}

impl QuietPanics {
    /// Silence the panic hook.
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// Replace the panic hook with `hook`, for instance one that prints the message as a line
    /// of the listing.
    pub fn with(hook: impl Fn(&PanicHookInfo<'_>) + Sync + Send + 'static) -> Self {
        let lock = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let previous = panic::take_hook();
        panic::set_hook(Box::new(hook));
        QuietPanics {
            previous: Some(previous),
            _one_at_a_time: lock,
        }
    }
}

impl Drop for QuietPanics {
    fn drop(&mut self) {
        // `set_hook` itself panics on a thread that is already unwinding; then the quiet hook
        // stays, which is the lesser harm.
        if let Some(previous) = self.previous.take()
            && !std::thread::panicking()
        {
            panic::set_hook(previous);
        }
    }
}
// ANCHOR_END: quiet

impl Default for QuietPanics {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for QuietPanics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuietPanics")
    }
}

// ANCHOR: caught
/// Run `f` and return the message it panicked with, if it did, with the hook silenced meanwhile
/// (so no "thread panicked at" line reaches stderr).
pub fn caught(f: impl FnOnce()) -> Option<String> {
    let _quiet = QuietPanics::new();
    let payload = panic::catch_unwind(AssertUnwindSafe(f)).err()?;
    Some(message(&*payload).to_owned())
}
// ANCHOR_END: caught

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn message_reads_literal_and_formatted_panics() {
        let _quiet = QuietPanics::new();
        let literal = panic::catch_unwind(|| panic!("plain")).unwrap_err();
        let formatted = panic::catch_unwind(|| panic!("number {}", 7)).unwrap_err();
        let other = panic::catch_unwind(|| panic::panic_any(7_u8)).unwrap_err();
        assert_eq!(message(&*literal), "plain");
        assert_eq!(message(&*formatted), "number 7");
        assert_eq!(message(&*other), "(a panic without a message)");
    }

    #[test]
    fn quiet_panics_swaps_the_hook_and_restores_it_and_caught_reports() {
        static REPORTED: AtomicUsize = AtomicUsize::new(0);
        // Every test here that panics holds a guard, so no other test's panic is counted.
        let counting = QuietPanics::with(|_| {
            REPORTED.fetch_add(1, Ordering::SeqCst);
        });
        assert!(panic::catch_unwind(|| panic!("counted")).is_err());
        assert_eq!(REPORTED.load(Ordering::SeqCst), 1);
        drop(counting);

        assert_eq!(caught(|| panic!("plain {}", 1)).as_deref(), Some("plain 1"));
        assert_eq!(caught(|| {}), None);
        assert_eq!(
            REPORTED.load(Ordering::SeqCst),
            1,
            "the counting hook is gone"
        );
    }
}
