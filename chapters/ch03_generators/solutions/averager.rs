use genawaiter::rc::Co;

// ANCHOR: solution
/// Exercise `averager`: yields the running average of the numbers sent in; returns their count.
pub async fn averager(co: Co<Option<f64>, Option<f64>>) -> usize {
    let (mut total, mut count) = (0.0, 0);
    let mut average = None; // nothing to average before the first number
    while let Some(x) = co.yield_(average).await {
        total += x;
        count += 1;
        average = Some(total / count as f64);
    }
    count
}
// ANCHOR_END: solution
