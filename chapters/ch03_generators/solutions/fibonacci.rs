use genawaiter::rc::Co;

// ANCHOR: solution
/// Exercise `fibonacci`: `a, b = b, a + b` with `b` an `Option`, `None` once it no longer fits.
pub async fn fibonacci(co: Co<u64>) {
    let (mut a, mut b) = (0_u64, Some(1_u64));
    loop {
        co.yield_(a).await;
        let Some(next) = b else {
            return; // `a` was the last one that fits
        };
        (a, b) = (next, a.checked_add(next));
    }
}
// ANCHOR_END: solution
