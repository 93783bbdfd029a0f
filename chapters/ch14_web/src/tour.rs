//! The chapter's tour.
use shared::Tour;

/// Every section of chapter 14.
pub fn tour() -> Tour {
    Tour::new("ch14_web", "the FastAPI service on axum")
}
