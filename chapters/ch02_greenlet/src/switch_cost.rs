//! What a switch costs, and what a stack costs.
//!
//! A switch between stackful coroutines saves a few registers, swaps the stack pointer and
//! restores the other side's registers: a handful of instructions, no system call, nothing
//! allocated. The [`Hub`]'s trampoline adds its bookkeeping, and a switch between two greenlets
//! passes through it (two stack switches).
//!
//! The stack is the price of admission: every greenlet gets its own, 1 MiB of address space
//! from `mmap` plus one *guard page* below it that may not be touched, so that an overflow
//! crashes the process instead of writing over the neighbour's memory. Memory is only used
//! for the pages a greenlet really touches, but making and freeing the mapping are system
//! calls, where a future costs nothing beyond writing its state machine's bytes. This section
//! measures both costs on your machine; the figures only mean something in a release build
//! (`cargo run --release -p ch02_greenlet -- switch_cost`).

use crate::greenlet::{Greenlet, Hub};
use corosensei::Coroutine;
use corosensei::stack::{DefaultStack, Stack};
use shared::outln;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Round trips per switch measurement, two switches each: few enough for a debug build to
/// finish at once, enough for a release build to measure something.
const ROUND_TRIPS: u32 = if cfg!(debug_assertions) {
    20_000
} else {
    1_000_000
};
/// The usable size of corosensei's `DefaultStack::default()`, which every greenlet gets.
const STACK_SIZE: usize = 1 << 20;
/// Greenlets created, run and dropped for the stack measurement.
const GREENLETS: u32 = if cfg!(debug_assertions) { 500 } else { 5_000 };

/// The tour section.
pub fn show() {
    outln!(
        "(debug-build timings mean little: cargo run --release -p ch02_greenlet -- switch_cost)"
    );
    let per_switch = |elapsed: Duration| elapsed.as_secs_f64() * 1e9 / f64::from(2 * ROUND_TRIPS);
    outln!(
        "corosensei resume + suspend, main <-> coroutine: {:.1} ns per switch",
        per_switch(bare_round_trips(ROUND_TRIPS))
    );
    outln!(
        "Hub, main <-> greenlet:                          {:.1} ns per switch",
        per_switch(main_round_trips(ROUND_TRIPS))
    );
    outln!(
        "Hub, greenlet <-> greenlet (via the trampoline): {:.1} ns per switch",
        per_switch(sibling_round_trips(ROUND_TRIPS))
    );
    let stack = DefaultStack::default();
    let reserved = stack.base().get() - stack.limit().get(); // the guard page included
    outln!(
        "a greenlet's stack: {} KiB of address space, {} KiB usable and a {} KiB guard page",
        reserved / 1024,
        STACK_SIZE / 1024,
        (reserved - STACK_SIZE) / 1024
    );
    let created = created_run_and_dropped(GREENLETS);
    outln!(
        "a new greenlet, run to its end, its stack unmapped: {:.1} µs each",
        created.as_secs_f64() * 1e6 / f64::from(GREENLETS)
    );
}

// ANCHOR: bare
/// corosensei on its own: main resumes, the coroutine suspends straight back.
pub(crate) fn bare_round_trips(rounds: u32) -> Duration {
    let mut coroutine = Coroutine::<u32, u32, ()>::new(|yielder, mut value| {
        loop {
            value = yielder.suspend(value + 1);
        }
    });
    let start = Instant::now();
    for round in 0..rounds {
        black_box(coroutine.resume(black_box(round)));
    }
    start.elapsed() // dropping the coroutine unwinds its endless loop
}
// ANCHOR_END: bare

/// main switches to a greenlet, which switches straight back to main.
pub(crate) fn main_round_trips(rounds: u32) -> Duration {
    let hub = Hub::new();
    let echo = hub.greenlet();
    hub.set_run(echo, |g, mut value: u32| {
        loop {
            value = g.switch(Greenlet::MAIN, value + 1);
        }
    });
    let start = Instant::now();
    for round in 0..rounds {
        black_box(hub.switch(echo, black_box(round)));
    }
    start.elapsed()
}

/// Two greenlets switch to each other; every switch goes up to the trampoline and back down.
pub(crate) fn sibling_round_trips(rounds: u32) -> Duration {
    let hub = Hub::new();
    let (ping, pong) = (hub.greenlet(), hub.greenlet());
    hub.set_run(ping, move |g, mut value: u32| {
        for _ in 0..rounds {
            value = g.switch(pong, value + 1);
        }
        value // finished: back to main
    });
    hub.set_run(pong, move |g, mut value| {
        loop {
            value = g.switch(ping, value + 1);
        }
    });
    let start = Instant::now();
    black_box(hub.switch(ping, 0));
    start.elapsed()
}

/// Each greenlet maps its stack, runs once, returns and unmaps it.
fn created_run_and_dropped(count: u32) -> Duration {
    let start = Instant::now();
    for round in 0..count {
        let hub = Hub::new();
        let greenlet = hub.greenlet();
        hub.set_run(greenlet, |_, value: u32| value + 1);
        black_box(hub.switch(greenlet, round));
    }
    start.elapsed()
}
