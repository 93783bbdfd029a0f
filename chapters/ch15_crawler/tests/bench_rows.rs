//! Every benchmark row's Rust variant runs at quick scale and gives a finite number (what
//! `just bench --quick` checks too, here within `cargo test`). The frontier row needs Redis: it
//! is reported ignored without `redis-server` (failed with `REQUIRE_SERVICES=1`).

use libtest_mimic::{Arguments, Failed, Trial};
use shared::bench::Scale;
use shared::services::{Need, missing, required};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The rows start this executable again as the crawler's site and workers.
    if let Some(code) = ch15_crawler::tour().run_worker_if_asked() {
        return code;
    }
    let no_redis = missing(&[Need::Redis]);
    let trials = ch15_crawler::bench::rows()
        .into_iter()
        .map(|row| {
            let needs_redis = row.id.contains("frontier");
            let id = row.id;
            let trial = Trial::test(id, move || -> Result<(), Failed> {
                let value = (row.variants[0].run)(Scale::Quick).map_err(|e| e.to_string())?;
                if !value.is_finite() || value <= 0.0 {
                    return Err(format!("{id}: {value}").into());
                }
                Ok(())
            });
            match &no_redis {
                Some(error) if needs_redis && required() => {
                    let message = format!("REQUIRE_SERVICES=1, but this test {error}");
                    Trial::test(id, move || Err(message.into()))
                }
                Some(_) if needs_redis => trial.with_ignored_flag(true),
                _ => trial,
            }
        })
        .collect();
    let conclusion = libtest_mimic::run(&Arguments::from_args(), trials);
    shared::services::stop_shared();
    conclusion.exit_code()
}
