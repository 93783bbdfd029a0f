// The article's body: `result = f.do_something()` without `await`, then `print(result)`.
use ch10_async_guards::database::Database;

async fn body(f: &mut Database) {
    let result = f.do_something();
    println!("{result}");
}

fn main() {}
