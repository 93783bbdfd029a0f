//! Where the listings' lines go.
//!
//! A reader running a tour sees them on stdout. The book's output check runs the same
//! section and needs the same lines in a buffer instead, including lines printed from other
//! threads, so printing goes through one process-wide sink rather than straight to `println!`.

use std::fmt::{Display, Write as _};
use std::io::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// `None`: print to stdout. `Some(buffer)`: a capture is running.
static SINK: Mutex<Option<String>> = Mutex::new(None);
/// Whether [`line`] writes to stdout itself (a tour's `main`) or through `println!` (tests).
static DIRECT: AtomicBool = AtomicBool::new(false);
/// Captures are serialised: two tests capturing at once would interleave their lines.
static CAPTURE: Mutex<()> = Mutex::new(());

/// Print one line through the sink. Prefer the [`outln!`](crate::outln) macro.
pub fn line(text: impl Display) {
    let mut sink = SINK.lock().unwrap_or_else(|poison| poison.into_inner());
    match sink.as_mut() {
        Some(buffer) => {
            // Writing to a String cannot fail.
            let _ = writeln!(buffer, "{text}");
        }
        None if DIRECT.load(Ordering::Relaxed) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`cargo run | head`) is not worth a panic.
            let _ = writeln!(stdout, "{text}");
        }
        // In a test, `println!` lets the test harness capture the line (and show it only if
        // the test fails) instead of interleaving it with `cargo test`'s report.
        None => println!("{text}"),
    }
}

/// Print straight to stdout from now on, ignoring a closed pipe. A tour's `main` asks for this;
/// tests, which call the listings as library functions, keep `println!` and its capture.
pub fn print_directly() {
    DIRECT.store(true, Ordering::Relaxed);
}

/// Run `f` and return what it printed through the sink, with its result.
///
/// The sink is process-wide: whatever *any* thread prints meanwhile lands in the buffer, which is
/// what a section spawning threads needs. So capture where nothing else prints at the same time
/// (the book check runs its sections one after another), not from tests running in parallel.
pub fn capture<R>(f: impl FnOnce() -> R) -> (R, String) {
    let _one_at_a_time = CAPTURE.lock().unwrap_or_else(|poison| poison.into_inner());
    set_sink(Some(String::new()));
    // Restore stdout even if `f` panics, so one failing check cannot swallow later output.
    struct Restore;
    impl Drop for Restore {
        fn drop(&mut self) {
            set_sink(None);
        }
    }
    let restore = Restore;
    let result = f();
    let captured = SINK
        .lock()
        .unwrap_or_else(|poison| poison.into_inner())
        .take()
        .unwrap_or_default();
    drop(restore);
    (result, captured)
}

fn set_sink(value: Option<String>) {
    *SINK.lock().unwrap_or_else(|poison| poison.into_inner()) = value;
}

/// `println!` for listings: the line goes to the terminal or into a running capture.
#[macro_export]
macro_rules! outln {
    () => {
        $crate::output::line("")
    };
    ($($arg:tt)*) => {
        $crate::output::line(::std::format_args!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn capture_collects_lines_from_other_threads_and_restores_stdout() {
        let ((), text) = super::capture(|| {
            crate::outln!("one");
            std::thread::spawn(|| crate::outln!("two {}", 2))
                .join()
                .unwrap();
        });
        assert_eq!(text, "one\ntwo 2\n");
        assert!(super::SINK.lock().unwrap().is_none());
    }
}
