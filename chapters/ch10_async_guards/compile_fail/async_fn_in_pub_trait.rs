// A bare `async fn` in a public trait, with the lint denied to make its warning an error.
#![deny(async_fn_in_trait)]

pub trait Manager {
    async fn enter(&mut self);
}

fn main() {}
