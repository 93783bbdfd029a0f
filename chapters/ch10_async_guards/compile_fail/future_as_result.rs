// The call without `await`, its future taken for the answer it should have given.
use ch10_async_guards::database::Database;

async fn body(f: &mut Database) -> std::io::Result<usize> {
    let result: std::io::Result<usize> = f.do_something();
    result
}

fn main() {}
