// ANCHOR: solution
/// Exercise `sum_cooperatively`: a long loop that yields to the runtime every 10 000 numbers.
pub async fn sum_cooperatively(n: u64) -> u64 {
    let mut sum = 0;
    for i in 0..n {
        if i % 10_000 == 0 {
            tokio::task::yield_now().await; // the other tasks run here
        }
        sum += i;
    }
    sum
}
// ANCHOR_END: solution
