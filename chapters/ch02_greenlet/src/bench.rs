//! This chapter's rows of `just bench`: a switch of the [`Hub`](crate::greenlet::Hub) (the
//! workloads of [`switch_cost`](crate::switch_cost)) beside a switch of greenlet 3.x in CPython
//! (`python/bench_switch.py`, the script the book shows, asked for one measurement), and raw
//! corosensei as the floor (one stack switch, no bookkeeping).

use crate::switch_cost::{bare_round_trips, main_round_trips, sibling_round_trips};
use shared::bench::{Measurement, Row, Scale, Unit, Variant, python};
use std::time::Duration;

const SCRIPT: &str = "chapters/ch02_greenlet/python/bench_switch.py";

fn rounds(scale: Scale) -> u32 {
    scale.pick(1_000_000, 10_000)
}

fn per_switch(rounds: u32, elapsed: Duration) -> Measurement {
    Ok(elapsed.as_secs_f64() * 1e9 / f64::from(2 * rounds))
}

/// Two greenlets switch to each other: every switch passes through the trampoline (two stack
/// switches).
fn hub_siblings(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
    per_switch(rounds, sibling_round_trips(rounds))
}

/// Main switches to a greenlet, which switches straight back.
fn hub_main(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
    per_switch(rounds, main_round_trips(rounds))
}

/// corosensei alone: resume, suspend straight back.
fn corosensei(scale: Scale) -> Measurement {
    let rounds = rounds(scale);
    per_switch(rounds, bare_round_trips(rounds))
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
