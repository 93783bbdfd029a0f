//! The runtimes the listings run on.
//!
//! `asyncio.run(main())` creates an event loop, runs `main` to completion and closes the loop.
//! [`block_on`] is the same thing in Rust: build a tokio runtime, drive one future to
//! completion on the calling thread, drop the runtime.
//!
//! A tour can be run with a *virtual clock* (`--virtual-clock`; the book's output check always
//! does). Then the runtimes built here start with tokio's clock paused: sleeps take no real time
//! and every `[+S.SSs]` stamp is exact, so the printed output is the same on every machine.
//! Sections that measure real work (threads, processes, a blocking client) use [`real_time`]
//! instead, and a tour marks them as measured.
//!
//! The choice belongs to one run, not to the process: [`with_virtual_clock`] sets it for the
//! calling thread while a closure runs (the tour wraps its sections in it) and puts the previous
//! choice back afterwards, even after a panic. Tests run on threads of their own, so two of them
//! running tours at once, one on each clock, cannot change each other's runtimes. A thread a
//! section starts begins on the real clock; a section that builds a runtime there passes
//! [`virtual_clock()`] along.

use std::cell::Cell;
use std::future::Future;
use tokio::runtime::{Builder, Runtime};

thread_local! {
    /// Whether runtimes built on this thread start paused; see [`with_virtual_clock`].
    static VIRTUAL_CLOCK: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` with the virtual clock on (`true`) or off for every runtime [`current_thread`] and
/// [`block_on`] build on this thread meanwhile, then restore the thread's previous choice.
pub fn with_virtual_clock<R>(on: bool, f: impl FnOnce() -> R) -> R {
    /// Puts the previous choice back when dropped, so a panicking section cannot leave the
    /// thread on the wrong clock.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            VIRTUAL_CLOCK.set(self.0);
        }
    }
    let _restore = Restore(VIRTUAL_CLOCK.replace(on));
    f()
}

/// Whether runtimes built now on this thread start with a paused clock.
pub fn virtual_clock() -> bool {
    VIRTUAL_CLOCK.get()
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

/// A single-threaded runtime on the real clock, whatever the run chose: for sections
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
pub(crate) mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::time::Duration;

    /// Whether the current runtime's clock is paused, found out without sleeping on it: a
    /// paused clock does not move while the thread is busy (it only jumps when every task
    /// waits), the real one moves with the thread's 20 ms.
    pub(crate) fn clock_is_paused() -> bool {
        let start = tokio::time::Instant::now();
        std::thread::sleep(Duration::from_millis(20));
        start.elapsed() == Duration::ZERO
    }

    #[test]
    fn the_virtual_clock_makes_sleeps_free_and_exact() {
        let slept = with_virtual_clock(true, || {
            block_on(async {
                assert!(clock_is_paused(), "not sleeping a real hour");
                let start = tokio::time::Instant::now();
                tokio::time::sleep(Duration::from_secs(3600)).await;
                start.elapsed()
            })
        });
        assert_eq!(slept, Duration::from_secs(3600));
        assert!(!virtual_clock(), "the previous choice is back");
    }

    #[test]
    fn two_runs_at_once_on_different_clocks_keep_their_own() {
        // Both threads make their choice, then wait for each other before building a runtime:
        // a choice shared by the process would now be the same for both, whichever came last.
        let both_chose = Barrier::new(2);
        let paused = |on: bool| {
            with_virtual_clock(on, || {
                both_chose.wait();
                block_on(async { clock_is_paused() })
            })
        };
        let (virtual_run, real_run) = std::thread::scope(|scope| {
            let virtual_run = scope.spawn(|| paused(true));
            let real_run = scope.spawn(|| paused(false));
            (virtual_run.join().unwrap(), real_run.join().unwrap())
        });
        assert_eq!((virtual_run, real_run), (true, false));
    }

    #[test]
    fn a_panic_inside_the_run_restores_the_choice() {
        let caught = std::panic::catch_unwind(|| with_virtual_clock(true, || panic!("boom")));
        assert!(caught.is_err());
        assert!(!virtual_clock());
        with_virtual_clock(true, || {
            with_virtual_clock(false, || assert!(!virtual_clock()));
            assert!(virtual_clock(), "nested runs restore the outer choice");
        });
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
