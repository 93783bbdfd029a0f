//! The article's counter, both ways: exactly 1..=99, one pause per line, and then the end.

use ch09_streams::counter_stream::{LINE_PAUSE, ReadLines, STOP_AT, print_lines};
use ch09_streams::generator_stream::read_lines;
use futures::StreamExt;
use futures::stream::FusedStream;
use shared::Timeline;
use std::time::Duration;
use tokio::time::Instant;

/// Every line with the time it arrived, and when the stream ended.
async fn timed(stream: impl futures::Stream<Item = u32>) -> (Vec<(u32, Duration)>, Duration) {
    let start = Instant::now();
    let mut stream = std::pin::pin!(stream);
    let mut lines = Vec::new();
    while let Some(line) = stream.next().await {
        lines.push((line, start.elapsed()));
    }
    (lines, start.elapsed())
}

fn expected_lines() -> Vec<(u32, Duration)> {
    (1..STOP_AT).map(|n| (n, LINE_PAUSE * n)).collect()
}

#[tokio::test(start_paused = true)]
async fn the_hand_written_stream_yields_1_to_99_and_ends_when_the_count_reaches_100() {
    let (lines, ended) = timed(ReadLines::new(LINE_PAUSE)).await;
    assert_eq!(lines, expected_lines(), "1..=99, each after one more pause");
    assert_eq!(lines.len(), 99);
    assert_eq!(
        ended,
        LINE_PAUSE * STOP_AT,
        "the end costs one more readlines: count 100"
    );
}

#[tokio::test(start_paused = true)]
async fn the_hand_written_stream_stays_finished_unlike_the_python_class() {
    let mut lines = ReadLines::new(Duration::from_millis(1));
    assert!(!lines.is_terminated());
    assert_eq!((&mut lines).count().await, 99);
    assert!(lines.is_terminated());
    let start = Instant::now();
    for _ in 0..3 {
        assert_eq!(lines.next().await, None, "no 101, 102, …");
    }
    assert_eq!(start.elapsed(), Duration::ZERO, "and no more waiting");
}

#[tokio::test(start_paused = true)]
async fn the_first_poll_is_pending_until_the_pause_is_over() {
    let mut lines = ReadLines::new(Duration::from_secs(1));
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    assert!(lines.poll_next_unpin(&mut cx).is_pending());
    tokio::time::advance(Duration::from_secs(1)).await;
    assert_eq!(
        lines.poll_next_unpin(&mut cx),
        std::task::Poll::Ready(Some(1))
    );
}

#[tokio::test(start_paused = true)]
async fn the_unfold_stream_yields_exactly_the_same_at_the_same_times() {
    let (lines, ended) = timed(read_lines(LINE_PAUSE)).await;
    assert_eq!(lines, expected_lines());
    assert_eq!(ended, LINE_PAUSE * STOP_AT);
}

#[tokio::test(start_paused = true)]
async fn the_unfold_stream_must_not_be_polled_after_its_end_unless_fused() {
    let mut lines = std::pin::pin!(read_lines(Duration::from_millis(1)));
    assert_eq!(lines.as_mut().count().await, 99);
    let waker = futures::task::noop_waker();
    let mut cx = std::task::Context::from_waker(&waker);
    let panic = shared::panics::caught(|| {
        let _ = lines.poll_next_unpin(&mut cx);
    });
    assert_eq!(
        panic.as_deref(),
        Some("Unfold must not be polled after it returned `Poll::Ready(None)`")
    );

    let mut fused = std::pin::pin!(read_lines(Duration::from_millis(1)).fuse());
    assert_eq!(fused.as_mut().count().await, 99);
    assert!(fused.is_terminated());
    assert_eq!(fused.next().await, None, "fused: the end again, no panic");
}

/// What `print_lines` returned and printed, on a paused clock (so every stamp is exact).
fn printed(lines: impl futures::Stream<Item = u32> + Unpin) -> (Vec<u32>, String) {
    shared::output::capture(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .start_paused(true)
            .build()
            .unwrap()
            .block_on(print_lines(lines, Timeline::start()))
    })
}

#[test]
fn print_lines_shows_the_first_three_and_the_last_and_returns_them_all() {
    let (seen, text) = printed(futures::stream::iter(1..=5));
    assert_eq!(seen, [1, 2, 3, 4, 5]);
    assert_eq!(
        text,
        "[+0.00s] 1\n[+0.00s] 2\n[+0.00s] 3\n...\n[+0.00s] 5\n\
         [+0.00s] the stream ended (None) after 5 lines\n"
    );
}

#[test]
fn print_lines_of_a_short_stream_prints_each_line_once() {
    let (seen, text) = printed(futures::stream::iter(1..=2));
    assert_eq!(seen, [1, 2]);
    assert_eq!(
        text,
        "[+0.00s] 1\n[+0.00s] 2\n[+0.00s] the stream ended (None) after 2 lines\n"
    );
}
