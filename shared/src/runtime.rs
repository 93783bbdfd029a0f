//! The runtimes the listings run on.
//!
//! `asyncio.run(main())` creates an event loop, runs `main` to completion and closes the loop.
//! [`block_on`] is the same thing in Rust: build a tokio runtime, drive one future to
//! completion on the calling thread, drop the runtime.
//!
//! A tour can be run with a *virtual clock* (`--virtual-clock`; the book's output check always
//! does). Then the runtimes built here start with tokio's clock paused: sleeps take no real time
//! and every `[+S.SSs]` stamp is exact, so the printed output is the same on every machine.
//! Sections that measure real work (threads, processes, a blocking client) do not use these
//! runtimes, and a tour marks them as measured.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::runtime::{Builder, Runtime};

static VIRTUAL_CLOCK: AtomicBool = AtomicBool::new(false);

/// Switch the virtual clock on or off for runtimes built from now on.
pub fn set_virtual_clock(on: bool) {
    VIRTUAL_CLOCK.store(on, Ordering::SeqCst);
}

/// Whether runtimes built now start with a paused clock.
pub fn virtual_clock() -> bool {
    VIRTUAL_CLOCK.load(Ordering::SeqCst)
}

/// A single-threaded runtime with timers and I/O, like the loop `asyncio.run` makes.
///
/// Under the virtual clock it starts paused.
pub fn current_thread() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .start_paused(virtual_clock())
        .build()
        .expect("building a tokio runtime only fails if the OS refuses an epoll instance")
}

/// A single-threaded runtime on the real clock, whatever `--virtual-clock` says: for sections
/// that measure real work (threads, blocking calls, a server on another thread), where a paused
/// clock would either not move or jump past the work being measured.
pub fn real_time() -> Runtime {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("building a tokio runtime only fails if the OS refuses an epoll instance")
}

/// Run `future` to completion on a fresh [`current_thread`] runtime: Rust's `asyncio.run`.
pub fn block_on<F: Future>(future: F) -> F::Output {
    current_thread().block_on(future)
}

/// Run `future` on a fresh current-thread runtime whose clock is paused, and return its output
/// with everything it printed through [`crate::output`]: what a test needs to check a listing's
/// lines and their exact stamps. (Start the listing's [`Timeline`](crate::Timeline) inside
/// `future`, so it reads the paused clock.)
pub fn run_paused<F: Future>(future: F) -> (F::Output, String) {
    crate::output::capture(|| {
        Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("building a tokio runtime only fails if the OS refuses an epoll instance")
            .block_on(future)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_virtual_clock_makes_sleeps_free_and_exact() {
        set_virtual_clock(true);
        let slept = block_on(async {
            let start = tokio::time::Instant::now();
            tokio::time::sleep(Duration::from_secs(3600)).await;
            start.elapsed()
        });
        set_virtual_clock(false);
        assert_eq!(slept, Duration::from_secs(3600));
    }

    #[test]
    fn run_paused_returns_the_output_and_the_exact_stamps() {
        let (value, text) = run_paused(async {
            let timeline = crate::Timeline::start();
            tokio::time::sleep(Duration::from_millis(1500)).await;
            timeline.say("done");
            7
        });
        assert_eq!((value, text.as_str()), (7, "[+1.50s] done\n"));
    }
}
