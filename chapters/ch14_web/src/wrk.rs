//! Running wrk (Debian's `wrk` package), the HTTP load generator the benchmarks use against
//! both services, and reading its report.

use std::process::Command;
use std::time::Duration;

/// What one wrk run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Completed requests per second.
    pub requests_per_sec: f64,
    /// Median latency.
    pub p50: Duration,
    /// 99th-percentile latency.
    pub p99: Duration,
    /// Answers other than 2xx/3xx.
    pub non_2xx: u64,
    /// Connect, read, write errors and timeouts.
    pub socket_errors: u64,
}

impl Report {
    /// Every failed request: wrong status or socket error.
    pub fn errors(&self) -> u64 {
        self.non_2xx + self.socket_errors
    }
}

/// Load `url` with `connections` connections on two threads for `duration`.
///
/// # Errors
/// wrk is missing (the message says how to install it), fails, or prints no report.
pub fn run(url: &str, connections: u32, duration: Duration) -> Result<Report, String> {
    let output = Command::new("wrk")
        .args(["--latency", "-t2", "--timeout", "5s"])
        .arg(format!("-c{connections}"))
        .arg(format!("-d{}s", duration.as_secs().max(1)))
        .arg(url)
        .output()
        .map_err(|e| format!("cannot run wrk ({e}): sudo apt-get install wrk"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "wrk failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    parse(&text).ok_or_else(|| format!("no report in wrk's output:\n{text}"))
}

/// Read wrk's `--latency` report.
pub fn parse(text: &str) -> Option<Report> {
    let mut report = Report {
        requests_per_sec: 0.0,
        p50: Duration::ZERO,
        p99: Duration::ZERO,
        non_2xx: 0,
        socket_errors: 0,
    };
    let (mut rate, mut p50, mut p99) = (None, None, None);
    for line in text.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Requests/sec:", value] => rate = value.parse().ok(),
            ["50%", value] => p50 = latency(value),
            ["99%", value] => p99 = latency(value),
            ["Non-2xx", "or", "3xx", "responses:", n] => report.non_2xx = n.parse().ok()?,
            ["Socket", "errors:", rest @ ..] => {
                // connect 0, read 0, write 0, timeout 0
                report.socket_errors = rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok())
                    .sum();
            }
            _ => {}
        }
    }
    report.requests_per_sec = rate?;
    report.p50 = p50?;
    report.p99 = p99?;
    Some(report)
}

/// `812.00us`, `2.41ms`, `1.02s`.
fn latency(text: &str) -> Option<Duration> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let seconds = match unit {
        "us" => number / 1e6,
        "ms" => number / 1e3,
        "s" => number,
        "m" => number * 60.0,
        _ => return None,
    };
    Some(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Running 10s test @ http://127.0.0.1:5000/
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.30us  301.20us   9.87ms   91.02%
    Req/Sec    80.12k     5.01k   90.00k    70.00%
  Latency Distribution
     50%  350.00us
     75%  480.00us
     90%  700.00us
     99%    1.52ms
  1594000 requests in 10.00s, 200.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec: 159400.12
Transfer/sec:     20.00MB
";

    #[test]
    fn reads_rate_percentiles_and_errors() {
        let report = parse(REPORT).unwrap();
        assert_eq!(report.requests_per_sec, 159_400.12);
        assert_eq!(report.p50, Duration::from_micros(350));
        assert_eq!(report.p99, Duration::from_micros(1520));
        assert_eq!((report.non_2xx, report.socket_errors), (4, 3));
        assert_eq!(report.errors(), 7);
    }

    #[test]
    fn a_report_without_figures_is_none() {
        assert_eq!(
            parse("unable to connect to 127.0.0.1:1 Connection refused"),
            None
        );
    }
}
