//! `cargo run -p ch12_redis`: the chapter's listings in the article's order, against
//! `REDIS_URL` or a private `redis-server` started for the run.

fn main() -> std::process::ExitCode {
    let code = ch12_redis::tour().main();
    // Stop the private server now (its watchdog would do it once we are gone).
    shared::services::stop_shared();
    code
}
