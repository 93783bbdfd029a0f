fn main() {
    let hits = std::sync::Arc::new(Vec::<u32>::new());
    hits.push(1); // what an Arc shares is read-only
}
