//! `cargo run -p ch13_mysql`: the chapter's listings in the article's order, against a real
//! MariaDB/MySQL server.

fn main() -> std::process::ExitCode {
    ch13_mysql::tour().main()
}
