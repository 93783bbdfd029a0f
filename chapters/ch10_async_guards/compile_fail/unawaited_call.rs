// The call without `await` as a bare statement, with the lint denied as `-D warnings` does.
#![deny(unused_must_use)]
use ch10_async_guards::database::Database;

async fn body(f: &mut Database) {
    f.do_something();
}

fn main() {}
