//! Back-pressure, measured on a paused clock. Every test here captures the printed lines, so
//! this file has its own test binary: nothing else prints while a capture runs.

use ch09_streams::backpressure::{Finish, pipeline};
use shared::Timeline;
use std::time::Duration;

const WORK: Duration = Duration::from_secs(1);

/// Run the pipeline on a paused-clock runtime; what it returned and what it printed.
fn run(items: u32, capacity: usize) -> (Finish, String) {
    shared::output::capture(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .unwrap()
            .block_on(async { pipeline(items, capacity, WORK, Timeline::start()).await })
    })
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn a_slow_consumer_slows_the_producer_down() {
    // Six items, one second each: the consumer needs 6 s whatever the channel. The producer
    // could be done at once, but with room for 2 it finishes only when item 6 fits in: 3 s.
    assert_eq!(
        run(6, 2).0,
        Finish {
            producer: secs(3),
            consumer: secs(6)
        }
    );
    assert_eq!(
        run(6, 1).0,
        Finish {
            producer: secs(4),
            consumer: secs(6)
        }
    );
}

#[test]
fn with_room_for_everything_there_is_no_back_pressure() {
    assert_eq!(
        run(6, 6).0,
        Finish {
            producer: secs(0),
            consumer: secs(6)
        }
    );
}

#[test]
fn the_producer_is_never_more_than_the_capacity_ahead() {
    for capacity in 1..=3 {
        let (_, text) = run(8, capacity);
        let (mut sent, mut got, mut most_ahead) = (0usize, 0usize, 0usize);
        for line in text.lines() {
            if line.contains("] sent ") {
                sent += 1;
            } else if line.contains("] got ") {
                got += 1;
            }
            most_ahead = most_ahead.max(sent - got);
        }
        assert_eq!((sent, got), (8, 8));
        // The consumer holds one item while it works on it; the channel holds `capacity` more.
        // The producer gets exactly that far ahead, never further.
        assert_eq!(most_ahead, capacity, "capacity {capacity}:\n{text}");
    }
}
