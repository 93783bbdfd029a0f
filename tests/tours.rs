//! Every chapter's tour, in book order: one list for the tests that walk all of them
//! (`book_output` runs each section, `article_sections` checks each section's reference).

pub fn all() -> Vec<shared::Tour> {
    vec![
        ch00_primer::tour(),
        ch01_blocking::tour(),
        ch02_greenlet::tour(),
        ch03_generators::tour(),
        ch04_async_await::tour(),
        ch05_futures::tour(),
        ch06_event_loop::tour(),
        ch07_tasks::tour(),
        ch08_bridging::tour(),
        ch09_streams::tour(),
        ch10_async_guards::tour(),
        ch11_runtimes::tour(),
        ch12_redis::tour(),
        ch13_mysql::tour(),
        ch14_web::tour(),
        ch15_crawler::tour(),
    ]
}
