//! `cargo run -p ch12_redis`: the chapter's listings in the article's order, against
//! `REDIS_URL` or a private `redis-server` started for the run.

fn main() -> std::process::ExitCode {
    ch12_redis::tour().main()
}
