// The article's `Iterator` class in Rust, with its typo `self.self.readlines()` kept.
struct Iterator {
    count: u32,
}

impl Iterator {
    async fn readlines(&mut self) -> Option<u32> {
        self.count += 1;
        if self.count == 100 { None } else { Some(self.count) }
    }

    // `__anext__`, typo included.
    async fn anext(&mut self) -> Option<u32> {
        self.self.readlines().await
    }
}

fn main() {
    let _ = Iterator { count: 0 }.anext();
}
