fn describe(items: &[impl std::fmt::Display]) -> String {
    items.iter().map(|item| item.to_string()).collect()
}

struct Page;

fn main() {
    describe(&[Page]); // Page has no `Display`: no `__str__`
}
