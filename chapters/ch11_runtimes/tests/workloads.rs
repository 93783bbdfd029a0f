//! Every workload on every executor does what it says: counts and order, never timings.

use ch11_runtimes::Kind;
use ch11_runtimes::executors::with_executor;
use ch11_runtimes::swap_loop::Program;
use ch11_runtimes::workloads::{Parked, PingPong, Sleepers, SpawnYield, thread_sleepers, timed};
use std::time::Duration;

#[test]
fn every_spawned_task_runs_once_on_every_executor() {
    for kind in Kind::ALL {
        let (sum, _) = timed(kind, SpawnYield { tasks: 2_000 });
        assert_eq!(sum, 2_000 * 1_999 / 2, "{}", kind.name());
    }
}

#[test]
fn ping_pong_replies_come_back_in_order_on_every_executor() {
    for kind in Kind::ALL {
        let (replies, _) = timed(kind, PingPong { rounds: 1_000 });
        // Ping sends 0, pong answers 1; ping sends 2, pong answers 3; …
        let expected: Vec<usize> = (0..1_000).map(|i| 2 * i + 1).collect();
        assert_eq!(replies, expected, "{}", kind.name());
    }
}

#[test]
fn every_sleeper_wakes_on_every_executor() {
    for kind in Kind::ALL {
        let (woke, elapsed) = timed(
            kind,
            Sleepers {
                tasks: 500,
                duration: Duration::from_millis(20),
            },
        );
        assert_eq!(woke, 500, "{}", kind.name());
        // A timer never fires early: a lower bound, which no load can break.
        assert!(elapsed >= Duration::from_millis(20), "{}", kind.name());
    }
    assert_eq!(thread_sleepers(50, Duration::from_millis(5)).unwrap(), 50);
}

#[test]
fn one_notification_wakes_every_parked_task_on_every_executor() {
    for kind in Kind::ALL {
        let (report, _) = timed(kind, Parked { tasks: 2_000 });
        assert_eq!(report.parked, 2_000, "{}", kind.name());
        assert_eq!(report.woken, 2_000, "{}", kind.name());
        // This test binary has the system allocator, not the counting one: nothing to count.
        assert_eq!(report.bytes_per_task, None);
    }
}

#[test]
fn the_same_program_gives_the_same_answer_on_every_executor() {
    for kind in Kind::ALL {
        let (sum, threads) = with_executor(kind, Program);
        assert_eq!(sum, 385, "{}", kind.name());
        if !kind.is_multi_threaded() {
            assert_eq!(
                threads,
                1,
                "{} runs its tasks on the caller's thread",
                kind.name()
            );
        }
    }
}
