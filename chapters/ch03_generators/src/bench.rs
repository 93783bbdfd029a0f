//! This chapter's rows of `just bench`: a genawaiter generator's `resume` (Python's `next`),
//! plain and at the top of five generators chained by [`yield_from`], beside CPython's
//! (`python/bench_generators.py`).

use crate::yield_from::yield_from;
use genawaiter::GeneratorState;
use genawaiter::rc::Gen;
use shared::bench::{BenchError, Measurement, Row, Scale, Unit, Variant, python};
use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::time::Instant;

const SCRIPT: &str = "chapters/ch03_generators/python/bench_generators.py";

/// A generator of every chain: boxed, since a chain's type would otherwise contain itself.
type Boxed = Gen<u64, (), Pin<Box<dyn Future<Output = ()>>>>;

fn steps(scale: Scale) -> u64 {
    scale.pick(1_000_000, 10_000)
}

/// 0, 1, 2, …: Python's `counter()`.
fn counter() -> Boxed {
    Gen::new(|co| -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(async move {
            let mut i = 0;
            loop {
                co.yield_(i).await;
                i += 1;
            }
        })
    })
}

/// `depth` generators: each delegates to the next with `yield from`, the last one counts.
fn chain(depth: u32) -> Boxed {
    if depth <= 1 {
        return counter();
    }
    Gen::new(move |co| -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(async move { yield_from(&co, chain(depth - 1)).await })
    })
}

/// Nanoseconds per `resume` of `generator`, checking that it counted right.
fn per_step(mut generator: Boxed, scale: Scale) -> Measurement {
    let n = steps(scale);
    let start = Instant::now();
    for _ in 0..n {
        black_box(generator.resume());
    }
    let elapsed = start.elapsed();
    match generator.resume() {
        GeneratorState::Yielded(next) if next == n => Ok(elapsed.as_secs_f64() * 1e9 / n as f64),
        other => Err(BenchError(format!(
            "after {n} steps the generator gave {other:?}"
        ))),
    }
}

fn cpython(kind: &'static str) -> Variant {
    Variant::new("CPython generator", move |scale| {
        python(SCRIPT, &[kind, &steps(scale).to_string()], &[])
    })
}

/// The chapter's rows.
pub fn rows() -> Vec<Row> {
    vec![
        Row {
            id: "ch03/next",
            figure: "generator next()",
            unit: Unit::NanosPerOp,
            bound: None,
            goal: Some("≥ 10× CPython"),
            variants: vec![
                Variant::new("genawaiter", |scale| per_step(counter(), scale)),
                cpython("next"),
            ],
        },
        Row {
            id: "ch03/yield_from_depth5",
            figure: "next() through yield from, 5 generators deep",
            unit: Unit::NanosPerOp,
            bound: None,
            goal: Some("≥ 10× CPython"),
            variants: vec![
                Variant::new("genawaiter", |scale| per_step(chain(5), scale)),
                cpython("depth5"),
            ],
        },
    ]
}
