//! The combinators' outputs, and their timing under a paused clock.

use ch09_streams::combinators::{batches, odd_squares};
use ch09_streams::counter_stream::{LINE_PAUSE, ReadLines};
use ch09_streams::time_combinators::{DELAYS, PATIENCE, slow_lines, throttled_lines, ticks};
use std::pin::pin;
use std::time::Duration;
use tokio::time::Instant;
use tokio_stream::StreamExt;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Every item of `stream` with the time it arrived.
async fn timed<T>(stream: impl futures::Stream<Item = T>) -> Vec<(T, Duration)> {
    let start = Instant::now();
    let mut stream = pin!(stream);
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push((item, start.elapsed()));
    }
    items
}

#[tokio::test(start_paused = true)]
async fn take_stops_pulling_so_the_counter_only_counts_to_seven() {
    let start = Instant::now();
    assert_eq!(
        odd_squares(ReadLines::new(LINE_PAUSE), 4).await,
        [1, 9, 25, 49]
    );
    assert_eq!(
        start.elapsed(),
        LINE_PAUSE * 7,
        "lines 1..=7 were read, no more"
    );
}

#[tokio::test(start_paused = true)]
async fn chunks_gives_ten_batches_the_last_one_short() {
    let batches = batches(ReadLines::new(LINE_PAUSE), 10).await;
    assert_eq!(batches.len(), 10);
    assert!(batches[..9].iter().all(|batch| batch.len() == 10));
    assert_eq!(batches[9], (91..=99).collect::<Vec<_>>());
    assert_eq!(batches.concat(), (1..=99).collect::<Vec<_>>());
}

#[tokio::test(start_paused = true)]
async fn throttle_spaces_the_lines_and_skips_none() {
    let lines = timed(throttled_lines(ms(250)).take(3)).await;
    assert_eq!(lines, [(1, ms(10)), (2, ms(260)), (3, ms(510))]);
}

#[tokio::test(start_paused = true)]
async fn timeout_reports_the_late_line_and_then_delivers_it() {
    let lines = timed(slow_lines(&DELAYS).timeout(PATIENCE)).await;
    let lines: Vec<(Option<String>, Duration)> = lines
        .into_iter()
        .map(|(line, at)| (line.ok(), at))
        .collect();
    let line = |n: u32| Some(format!("line {n}"));
    assert_eq!(
        lines,
        [
            (line(1), ms(100)),
            (line(2), ms(200)),
            (None, ms(700)),
            (line(3), ms(800)),
            (line(4), ms(900))
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn timeout_with_take_while_stops_at_the_first_late_line() {
    let start = Instant::now();
    let lines = timed(
        slow_lines(&DELAYS)
            .timeout(PATIENCE)
            .take_while(Result::is_ok),
    )
    .await;
    let arrived: Vec<Duration> = lines.iter().map(|(_, at)| *at).collect();
    assert_eq!(arrived, [ms(100), ms(200)], "lines 1 and 2");
    assert_eq!(
        start.elapsed(),
        ms(700),
        "the end is the moment line 3 is late"
    );
}

#[tokio::test(start_paused = true)]
async fn merge_interleaves_two_streams_by_arrival_time() {
    let fast = ticks("fast", ms(300), 3);
    let slow = ticks("slow", ms(500), 3);
    let merged = timed(fast.merge(slow)).await;
    let merged: Vec<(&str, Duration)> = merged.iter().map(|(t, at)| (t.as_str(), *at)).collect();
    assert_eq!(
        merged,
        [
            ("fast 1", ms(300)),
            ("slow 1", ms(500)),
            ("fast 2", ms(600)),
            ("fast 3", ms(900)),
            ("slow 2", ms(1000)),
            ("slow 3", ms(1500)),
        ]
    );
}
