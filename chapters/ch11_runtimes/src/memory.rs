//! How many bytes a task costs: a global allocator that counts what is allocated.
//!
//! Python's `tracemalloc` counts the bytes the interpreter has allocated; this is the Rust
//! equivalent. A program installs [`CountingAllocator`] as its global allocator (this chapter's
//! `main` and the benchmark runner do); [`Counting::start`] then counts every allocation and
//! free until the returned guard is dropped. While nobody counts, the allocator only reads one
//! flag, so the timed workloads do not pay for it.
//!
//! ```
//! use ch11_runtimes::memory::{Counting, CountingAllocator};
//!
//! #[global_allocator]
//! static ALLOCATOR: CountingAllocator = CountingAllocator;
//!
//! let counting = Counting::start().expect("installed above");
//! let kept = vec![0u8; 1000];
//! assert!(counting.live() >= 1000);
//! # drop(kept);
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// The system allocator, counting the bytes allocated while a [`Counting`] guard lives.
#[derive(Debug)]
pub struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus bytes freed since counting started (frees of older blocks count too).
static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The highest `LIVE` has been since counting started.
static PEAK: AtomicIsize = AtomicIsize::new(0);
/// One count at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn count(bytes: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
        PEAK.fetch_max(live, Ordering::Relaxed);
    }
}

// SAFETY: every call goes to the system allocator unchanged; counting touches only atomics.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which we pass on.
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            count(layout.size() as isize);
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let block = unsafe { System.alloc_zeroed(layout) };
        if !block.is_null() {
            count(layout.size() as isize);
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        // SAFETY: `block` came from this allocator, which got it from `System`, with `layout`.
        unsafe { System.dealloc(block, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; the caller upholds `realloc`'s contract.
        let moved = unsafe { System.realloc(block, layout, new_size) };
        if !moved.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        moved
    }
}

/// Counting in progress; dropping it stops counting.
#[derive(Debug)]
pub struct Counting {
    _one_at_a_time: std::sync::MutexGuard<'static, ()>,
}

impl Counting {
    /// Start counting from zero, or `None` when [`CountingAllocator`] is not the program's
    /// global allocator (a test binary, say): then there is nothing to read.
    pub fn start() -> Option<Counting> {
        let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        LIVE.store(0, Ordering::SeqCst);
        PEAK.store(0, Ordering::SeqCst);
        COUNTING.store(true, Ordering::SeqCst);
        let probe = std::hint::black_box(Box::new([0u8; 64]));
        let installed = LIVE.load(Ordering::SeqCst) >= 64;
        drop(probe);
        if !installed {
            COUNTING.store(false, Ordering::SeqCst);
            return None;
        }
        LIVE.store(0, Ordering::SeqCst);
        PEAK.store(0, Ordering::SeqCst);
        Some(Counting {
            _one_at_a_time: guard,
        })
    }

    /// Bytes allocated and not freed since [`Counting::start`].
    pub fn live(&self) -> isize {
        LIVE.load(Ordering::SeqCst)
    }

    /// The most bytes that were live at once since [`Counting::start`].
    pub fn peak(&self) -> isize {
        PEAK.load(Ordering::SeqCst)
    }
}

impl Drop for Counting {
    fn drop(&mut self) {
        COUNTING.store(false, Ordering::SeqCst);
    }
}
