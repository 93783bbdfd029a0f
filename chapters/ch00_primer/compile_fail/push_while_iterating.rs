fn main() {
    let mut urls = vec!["a".to_string()];
    for url in &urls {
        urls.push(format!("{url}/next")); // Python: a loop that never ends
    }
}
