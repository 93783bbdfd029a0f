// Edition 2024 reserves `gen` for Rust's own generators: it is no longer a plain name.
fn main() {
    let gen = 1;
}
