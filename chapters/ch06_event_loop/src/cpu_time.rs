//! How much CPU time the current thread has used: the proof that a loop does not busy-wait.
//!
//! Wall time tells how long a listing took; CPU time tells how much of that the thread spent
//! running rather than asleep. A loop that parks while its tasks sleep uses almost none; the
//! article's polling loop uses all of it. Python has `time.thread_time()` for this; Rust's
//! standard library has no equivalent, so we read what Linux publishes in
//! `/proc/thread-self/stat` (no `libc`, no `unsafe`). Its resolution is one clock tick, 10 ms.

use std::io;
use std::time::Duration;

/// Clock ticks per second in `/proc` files: `USER_HZ`, which is 100 on every architecture
/// that Rust targets (only Alpha differs).
const TICKS_PER_SECOND: u64 = 100;

/// User plus system CPU time of the calling thread.
///
/// # Errors
/// Where `/proc/thread-self/stat` does not exist (not Linux) or cannot be parsed.
pub fn thread_cpu_time() -> io::Result<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat")?;
    parse_stat(&stat).ok_or_else(|| io::Error::other("unexpected /proc/thread-self/stat format"))
}

/// `utime` and `stime` are fields 14 and 15, counted after the command name in parentheses
/// (which may itself contain spaces and parentheses, hence the last `)`).
fn parse_stat(stat: &str) -> Option<Duration> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let mut fields = after_name.split_whitespace().skip(11); // fields 3..=13
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis(
        (user + system) * 1000 / TICKS_PER_SECOND,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_user_and_system_ticks_after_a_tricky_name() {
        let stat = "42 (a) b (c)) S 1 42 42 0 -1 4194304 100 0 0 0 150 25 0 0 20 0 1 0 67707";
        assert_eq!(parse_stat(stat), Some(Duration::from_millis(1750)));
        assert_eq!(parse_stat("42 (short) S 1"), None);
    }
}
