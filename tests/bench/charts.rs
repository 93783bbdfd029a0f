//! The Benchmarks page's pictures, drawn with plotters' SVG backend (text is left to the
//! browser's fonts: no font files, no C libraries).

use crate::measure::RowResult;
use crate::report::value;
use plotters::prelude::*;
use shared::bench::Lane;
use std::path::Path;

/// `ch11/spawn_yield` → `ch11-spawn_yield.svg`.
pub fn file_name(id: &str) -> String {
    format!("{}.svg", id.replace('/', "-"))
}

const RUST: RGBColor = RGBColor(0xb7, 0x41, 0x0e);
const PYTHON: RGBColor = RGBColor(0x30, 0x69, 0x98);

/// One horizontal bar per variant (its median), a line for its min–max, the bound if any.
pub fn row_chart(path: &Path, result: &RowResult<'_>) -> Result<(), Box<dyn std::error::Error>> {
    let row = result.row;
    let bars: Vec<(&str, f64, f64, f64)> = result
        .variants
        .iter()
        .filter_map(|(label, outcome)| {
            let s = outcome.as_ref().ok()?;
            Some((*label, s.median, s.min, s.max))
        })
        .collect();
    let n = bars.len().max(1);
    let top = bars
        .iter()
        .map(|b| b.3)
        .chain(row.bound)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE)
        * 1.45;
    let root = SVGBackend::new(path, (760, 70 + 34 * n as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(row.figure, ("sans-serif", 17))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(8)
        .build_cartesian_2d(0.0..top, 0.0..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(6)
        .x_label_formatter(&|x| value(row.unit, *x))
        .draw()?;
    for (i, (label, median, min, max)) in bars.iter().enumerate() {
        let y = (n - 1 - i) as f64; // the first variant on top
        let color = if i == 0 { RUST } else { PYTHON };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y + 0.2), (*median, y + 0.8)],
            color.mix(0.85).filled(),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(*min, y + 0.5), (*max, y + 0.5)],
            BLACK.stroke_width(2),
        )))?;
        chart.draw_series(std::iter::once(Text::new(
            format!("{label}: {}", value(row.unit, *median)),
            (max.max(*median) + top * 0.01, y + 0.65),
            ("sans-serif", 13),
        )))?;
    }
    if let Some(bound) = row.bound {
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(bound, 0.0), (bound, n as f64)],
            RED.stroke_width(1),
        )))?;
    }
    root.present()?;
    Ok(())
}

/// One lane per strategy, one thin bar per request from its start to its end.
pub fn timeline(path: &Path, lanes: &[Lane]) -> Result<(), Box<dyn std::error::Error>> {
    let end = lanes
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.1))
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let lane_height = 1.0;
    let root = SVGBackend::new(path, (760, 60 + 70 * lanes.len() as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption("each request from its start to its end", ("sans-serif", 17))
        .margin(12)
        .x_label_area_size(28)
        .build_cartesian_2d(0.0..end * 1.02, 0.0..lanes.len() as f64 * lane_height)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .x_desc("seconds since the crawl started")
        .light_line_style(WHITE)
        .x_label_formatter(&|x| format!("{x:.1} s"))
        .draw()?;
    for (i, lane) in lanes.iter().enumerate() {
        let base = (lanes.len() - 1 - i) as f64 * lane_height;
        let count = lane.spans.len().max(1) as f64;
        for (j, (start, stop)) in lane.spans.iter().enumerate() {
            // Stack the requests inside the lane so that overlapping ones stay visible.
            let y = base + 0.05 + 0.6 * j as f64 / count;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(*start, y), (*stop, y + 0.45 / count)],
                RUST.mix(0.8).filled(),
            )))?;
        }
        chart.draw_series(std::iter::once(Text::new(
            lane.label.clone(),
            (0.0, base + 0.92),
            ("sans-serif", 13),
        )))?;
    }
    root.present()?;
    Ok(())
}
