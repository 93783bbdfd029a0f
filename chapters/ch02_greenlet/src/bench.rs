//! This chapter's rows of `just bench`: a switch of the [`Hub`](crate::greenlet::Hub) beside
//! a switch of greenlet 3.x in CPython (`python/bench_greenlet_switch.py`), and raw
//! corosensei as the floor (one stack switch, no bookkeeping).

use crate::greenlet::{Greenlet, Hub};
use corosensei::Coroutine;
use shared::bench::{Measurement, Row, Scale, Unit, Variant, python};
use std::hint::black_box;
use std::time::Instant;

const SCRIPT: &str = "chapters/ch02_greenlet/python/bench_greenlet_switch.py";

fn rounds(scale: Scale) -> u32 {
    scale.pick(1_000_000, 10_000)
}

fn per_switch(rounds: u32, start: Instant) -> Measurement {
    Ok(start.elapsed().as_secs_f64() * 1e9 / f64::from(2 * rounds))
}

/// Two greenlets switch to each other, `rounds` round trips: every switch passes through the
/// trampoline (two stack switches).
fn hub_siblings(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
    let hub = Hub::new();
    let (ping, pong) = (hub.greenlet(), hub.greenlet());
    hub.set_run(ping, move |g, mut value: u32| {
        for _ in 0..rounds {
            value = g.switch(pong, value + 1);
        }
        value
    });
    hub.set_run(pong, move |g, mut value| {
        loop {
            value = g.switch(ping, value + 1);
        }
    });
    let start = Instant::now();
    black_box(hub.switch(ping, 0));
    per_switch(rounds, start)
}

/// Main switches to a greenlet, which switches straight back.
fn hub_main(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
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
    per_switch(rounds, start)
}

/// corosensei alone: resume, suspend straight back.
fn corosensei(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
    let mut coroutine = Coroutine::<u32, u32, ()>::new(|yielder, mut value| {
        loop {
            value = yielder.suspend(value + 1);
        }
    });
    let start = Instant::now();
    for round in 0..rounds {
        black_box(coroutine.resume(black_box(round)));
    }
    per_switch(rounds, start)
}

fn greenlet(kind: &'static str) -> Variant {
    Variant::new("greenlet 3.x", move |scale| {
        python(SCRIPT, &[kind, &rounds(scale).to_string()], &[])
    })
}

/// The chapter's rows.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch02/switch_siblings",
            figure: "greenlet ↔ greenlet switch",
            unit: Unit::NanosPerOp,
            bound: None,
            goal: Some("≥ 30× greenlet"),
            variants: vec![
                Variant::new("ch02 Hub", hub_siblings),
                greenlet("sibling"),
                Variant::new("raw corosensei (floor)", corosensei),
            ],
        },
        Row {
            id: "ch02/switch_main",
            figure: "main ↔ greenlet switch",
            unit: Unit::NanosPerOp,
            bound: None,
            goal: None,
            variants: vec![Variant::new("ch02 Hub", hub_main), greenlet("main")],
        },
    ]
}
