//! Benchmark rows.
/// The rows.
pub fn rows() -> Vec<shared::bench::Row> {
    Vec::new()
}
