//! 100k rows: streaming keeps peak memory flat, fetch_all does not. Alone in its test binary,
//! so no other test's allocations move the process's peak.

mod common;

use ch13_mysql::memory::{self, peak_growth, total_length_fetch_all, total_length_streamed};
use common::{check, check_eq, with_pool};
use libtest_mimic::{Failed, Trial};

fn main() -> std::process::ExitCode {
    // Peak memory is read from Linux's /proc: elsewhere the test is reported as not run.
    common::run(vec![
        Trial::test(
            "streaming_100k_rows_peaks_far_below_fetch_all",
            streaming_100k_rows_peaks_far_below_fetch_all,
        )
        .with_ignored_flag(!cfg!(target_os = "linux")),
    ])
}

fn streaming_100k_rows_peaks_far_below_fetch_all() -> Result<(), Failed> {
    with_pool(1, |pool, _| async move {
        memory::create(&pool, 100_000).await?;
        let (streamed, streamed_peak) = peak_growth(total_length_streamed(&pool)).await;
        let (all, all_peak) = peak_growth(total_length_fetch_all(&pool)).await;
        let (streamed, all) = (streamed?, all?);
        check_eq(streamed.0, 100_000, "rows streamed")?;
        check_eq(streamed, all, "rows and bytes, both ways")?;
        let (Some(streamed_peak), Some(all_peak)) = (streamed_peak, all_peak) else {
            return Err("peak memory is not measurable here (needs Linux /proc)".into());
        };
        // 100k rows of ~110 bytes of text each: fetch_all holds at least that much at once.
        check(
            all_peak >= 10_000_000,
            format!("fetch_all peaked at only +{all_peak} B"),
        )?;
        check(
            streamed_peak * 4 < all_peak,
            format!("streamed +{streamed_peak} B, fetch_all +{all_peak} B"),
        )
    })
}
