use crate::memory::Item;
use sqlx::MySqlConnection;

// ANCHOR: solution
/// Exercise `page_after`: the `limit` items after id `after`, found through the primary key.
pub async fn page_after(
    conn: &mut MySqlConnection,
    after: Option<i32>,
    limit: u32,
) -> Result<Vec<Item>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, payload FROM ch13_items WHERE id > ? ORDER BY id LIMIT ?")
        .bind(after.unwrap_or(0))
        .bind(limit)
        .fetch_all(&mut *conn)
        .await
}
// ANCHOR_END: solution
