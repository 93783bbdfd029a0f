//! Warm-up, repetitions, median and min–max.

use shared::bench::{BenchError, Row, Scale, Variant};
use std::time::{Duration, Instant};

/// Repetitions after the warm-up, for a variant whose warm-up was quick.
const REPETITIONS: usize = 5;
/// Fewer for a variant whose single run takes longer than [`SLOW`] (the 1 s sleepers).
const SLOW_REPETITIONS: usize = 3;
const SLOW: Duration = Duration::from_millis(800);

/// The numbers of one variant: every sample, and their median, min and max.
#[derive(Debug, Clone)]
pub struct Stats {
    pub samples: Vec<f64>,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Stats {
    fn of(mut samples: Vec<f64>) -> Stats {
        samples.sort_by(f64::total_cmp);
        let n = samples.len();
        let median = if n % 2 == 1 {
            samples[n / 2]
        } else {
            (samples[n / 2 - 1] + samples[n / 2]) / 2.0
        };
        Stats {
            median,
            min: samples[0],
            max: samples[n - 1],
            samples,
        }
    }
}

/// One row, measured.
#[derive(Debug)]
pub struct RowResult<'a> {
    pub row: &'a Row,
    pub variants: Vec<(&'static str, Result<Stats, BenchError>)>,
}

/// Measure every variant of `row`, printing progress on stderr.
pub fn row(row: &Row, scale: Scale) -> RowResult<'_> {
    let variants = row
        .variants
        .iter()
        .map(|variant| {
            eprint!("{} [{}] ", row.id, variant.label);
            let outcome = self::variant(variant, scale);
            match &outcome {
                Ok(stats) => eprintln!("{:.4} (median of {})", stats.median, stats.samples.len()),
                Err(error) => eprintln!("-- {error}"),
            }
            (variant.label, outcome)
        })
        .collect();
    RowResult { row, variants }
}

fn variant(variant: &Variant, scale: Scale) -> Result<Stats, BenchError> {
    let repetitions = match scale {
        Scale::Quick => 1,
        Scale::Full => {
            let start = Instant::now();
            (variant.run)(scale)?; // warm-up: caches, page faults, lazy initialisation
            if start.elapsed() > SLOW {
                SLOW_REPETITIONS
            } else {
                REPETITIONS
            }
        }
    };
    let samples = (0..repetitions)
        .map(|_| (variant.run)(scale))
        .collect::<Result<Vec<f64>, _>>()?;
    if let Some(bad) = samples.iter().find(|x| !x.is_finite()) {
        return Err(BenchError(format!("not a number: {bad}")));
    }
    Ok(Stats::of(samples))
}

#[cfg(test)]
mod tests {
    use super::Stats;

    #[test]
    fn median_min_max() {
        let s = Stats::of(vec![3.0, 1.0, 2.0]);
        assert_eq!((s.median, s.min, s.max), (2.0, 1.0, 3.0));
        assert_eq!(Stats::of(vec![4.0, 1.0, 2.0, 3.0]).median, 2.5);
    }
}
