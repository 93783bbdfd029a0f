//! placeholder
pub fn rows() -> Vec<shared::bench::Row> {
    Vec::new()
}
