//! The results as a terminal table, a JSON file and the book's markdown tables.

use crate::machine::Machine;
use crate::measure::{RowResult, Stats};
use serde_json::{Value, json};
use shared::bench::{Row, Unit};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A number in its unit, with a precision that suits its size.
pub fn value(unit: Unit, x: f64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    match unit {
        Unit::Seconds | Unit::CpuSeconds => {
            let cpu = if unit == Unit::CpuSeconds { " CPU" } else { "" };
            if x < 0.01 {
                format!("{:.3} ms{cpu}", x * 1e3)
            } else {
                format!("{x:.3} s{cpu}")
            }
        }
        Unit::NanosPerOp if x >= 1_000.0 => format!("{:.2} µs", x / 1e3),
        Unit::NanosPerOp if x < 10.0 => format!("{x:.2} ns"),
        Unit::NanosPerOp => format!("{x:.1} ns"),
        Unit::PerSecond => format!("{x:.0}/s"),
        Unit::Bytes if x >= MIB => format!("{:.2} MiB", x / MIB),
        Unit::Bytes => format!("{x:.0} B"),
    }
}

/// How many times better the first variant is than `other`: `other / first` when lower is
/// better, `first / other` for throughput.
pub fn ratio(unit: Unit, first: f64, other: f64) -> f64 {
    if unit.higher_is_better() {
        first / other
    } else {
        other / first
    }
}

fn first_median(result: &RowResult<'_>) -> Option<f64> {
    result.variants.first()?.1.as_ref().ok().map(|s| s.median)
}

/// One line per variant: label, median, min–max, and the first variant's ratio to it.
fn variant_cells(result: &RowResult<'_>) -> Vec<[String; 4]> {
    let unit = result.row.unit;
    let first = first_median(result);
    result
        .variants
        .iter()
        .enumerate()
        .map(|(i, (label, outcome))| match outcome {
            Ok(Stats {
                median, min, max, ..
            }) => [
                (*label).to_owned(),
                value(unit, *median),
                format!("{} – {}", value(unit, *min), value(unit, *max)),
                match first {
                    Some(first) if i > 0 => format!("{:.1}×", ratio(unit, first, *median)),
                    _ => String::new(),
                },
            ],
            Err(error) if error.is_unavailable() => [
                (*label).to_owned(),
                "skipped".into(),
                error.0.clone(),
                String::new(),
            ],
            Err(error) => [
                (*label).to_owned(),
                "FAILED".into(),
                error.0.clone(),
                String::new(),
            ],
        })
        .collect()
}

fn bound(row: &Row) -> String {
    row.bound.map_or(String::new(), |b| value(row.unit, b))
}

/// The table printed at the end of a run.
pub fn terminal(results: &[RowResult<'_>]) -> String {
    let mut out = String::new();
    for result in results {
        let row = result.row;
        let _ = writeln!(out, "\n{}  [{}]", row.figure, row.id);
        let mut extras = Vec::new();
        if let Some(goal) = row.goal {
            extras.push(format!("goal: {goal}"));
        }
        if row.bound.is_some() {
            extras.push(format!("physical bound: {}", bound(row)));
        }
        if !extras.is_empty() {
            let _ = writeln!(out, "  {}", extras.join("; "));
        }
        for [label, median, range, ratio] in variant_cells(result) {
            let ratio = if ratio.is_empty() {
                String::new()
            } else {
                let first = result.variants[0].0;
                format!("{first} is {ratio} better")
            };
            let _ = writeln!(out, "  {label:<24} {median:>12}  [{range}]  {ratio}");
        }
    }
    out
}

/// The results file: the machine, then every row with every sample.
pub fn json(machine: &Machine, load_at_end: &str, results: &[RowResult<'_>]) -> Value {
    let rows: Vec<Value> = results.iter().map(row_json).collect();
    json!({
        "machine": {
            "cpu": machine.cpu,
            "cores": machine.cores,
            "os": machine.os,
            "rustc": machine.rustc,
            "python": machine.python,
            "python_packages": machine.packages,
            "date": machine.date,
            "load_average_at_start": machine.load_at_start,
            "load_average_at_end": load_at_end,
        },
        "rows": rows,
    })
}

/// Put the rows of a run of some rows into an earlier results file: an entry with the same id
/// is replaced, a new one goes where `order` (every row of the suite) puts it; each carries the
/// date and load of its own run under `"measured_apart"`.
pub fn merge_rows(
    file: &mut Value,
    machine: &Machine,
    load_at_end: &str,
    results: &[RowResult<'_>],
    order: &[Row],
) {
    let position = |id: &str| order.iter().position(|r| r.id == id).unwrap_or(usize::MAX);
    let mut rows: Vec<Value> = file["rows"].as_array().cloned().unwrap_or_default();
    for result in results {
        let mut entry = row_json(result);
        entry["measured_apart"] = json!({
            "date": machine.date,
            "load_average_at_start": machine.load_at_start,
            "load_average_at_end": load_at_end,
        });
        rows.retain(|r| r["id"] != result.row.id);
        rows.push(entry);
    }
    rows.sort_by_key(|r| position(r["id"].as_str().unwrap_or("")));
    file["rows"] = Value::Array(rows);
}

/// The table under a chapter's own table when its rows ran apart from the full run: names in
/// the first column, values in the second (the Chinese edition translates the names once).
pub fn measured_apart(machine: &Machine, load_at_end: &str) -> String {
    format!(
        "| | |\n|---|---|\n\
         | measured apart from the other chapters' rows | {} |\n\
         | load average (1, 5, 15 min) at the start | {} |\n\
         | load average (1, 5, 15 min) at the end | {} |\n",
        machine.date, machine.load_at_start, load_at_end
    )
}

fn row_json(result: &RowResult<'_>) -> Value {
    let row = result.row;
    let variants: Vec<Value> = result
        .variants
        .iter()
        .map(|(label, outcome)| match outcome {
            Ok(stats) => json!({
                "label": label,
                "median": stats.median,
                "min": stats.min,
                "max": stats.max,
                "samples": stats.samples,
            }),
            Err(error) => json!({
                "label": label,
                "skipped": error.is_unavailable(),
                "error": error.0,
            }),
        })
        .collect();
    json!({
        "id": row.id,
        "figure": row.figure,
        "unit": row.unit.symbol(),
        "higher_is_better": row.unit.higher_is_better(),
        "bound": row.bound,
        "goal": row.goal,
        "variants": variants,
    })
}

/// The machine, as a markdown fragment for the Benchmarks page. Every word is in the first column
/// and the values carry none, so that the Chinese edition translates the names once
/// (`book/i18n/messages.py`) and a new run changes no message.
pub fn machine_markdown(machine: &Machine, load_at_end: &str) -> String {
    format!(
        "<!-- written by `just bench`: do not edit -->\n\
         | | |\n|---|---|\n\
         | date | {} |\n| CPU | {} |\n| cores | {} |\n| OS | {} |\n| Rust | {} |\n\
         | Python | {} ({}) |\n| load average (1, 5, 15 min) at the start | {} |\n\
         | load average (1, 5, 15 min) at the end | {} |\n",
        machine.date,
        machine.cpu,
        machine.cores,
        machine.os,
        machine.rustc,
        machine.python,
        machine.packages.join(", "),
        machine.load_at_start,
        load_at_end,
    )
}

/// One markdown fragment per chapter (`ch11` for rows `ch11/…`): a table and the charts.
pub fn chapter_markdown(results: &[RowResult<'_>]) -> BTreeMap<String, String> {
    let mut chapters: BTreeMap<String, String> = BTreeMap::new();
    for result in results {
        let row = result.row;
        let chapter = row.id.split('/').next().unwrap_or(row.id).to_owned();
        let out = chapters.entry(chapter).or_insert_with(|| {
            "<!-- written by `just bench`: do not edit -->\n\
             | figure | variant | median | min – max | first variant better by | bound | goal |\n\
             |---|---|--:|---|--:|--:|---|\n"
                .to_owned()
        });
        for (i, [label, median, range, ratio]) in variant_cells(result).into_iter().enumerate() {
            let (figure, bound, goal) = if i == 0 {
                (row.figure, bound(row), row.goal.unwrap_or(""))
            } else {
                ("", String::new(), "")
            };
            let _ = writeln!(
                out,
                "| {figure} | {label} | {median} | {range} | {ratio} | {bound} | {goal} |"
            );
        }
    }
    for (chapter, out) in &mut chapters {
        out.push('\n');
        for result in results
            .iter()
            .filter(|r| r.row.id.starts_with(&format!("{chapter}/")))
        {
            let _ = writeln!(
                out,
                "![{}](bench/{})",
                result.row.figure,
                crate::charts::file_name(result.row.id)
            );
        }
    }
    chapters
}

#[cfg(test)]
mod tests {
    /// A run of some rows reads the results file back and writes it again: every other row's
    /// numbers must come out exactly as they went in.
    #[test]
    fn the_results_file_reads_back_and_writes_unchanged() {
        let file = shared::bench::workspace_root().join("book/src/bench/results.json");
        let text = std::fs::read_to_string(&file).expect("the book's results file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("it is JSON");
        assert!(
            format!("{json:#}\n") == text,
            "{} changes when rewritten",
            file.display()
        );
    }
}
