fn adder(n: u32) -> impl Fn(u32) -> u32 {
    |x| x + n // borrows `n`, which dies when `adder` returns; `move |x| x + n` works
}

fn main() {
    println!("{}", adder(1)(2));
}
