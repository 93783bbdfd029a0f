fn into_report(urls: Vec<String>) -> String {
    urls.join(", ")
}

fn main() {
    let urls = vec!["http://a/1".to_string()];
    let report = into_report(urls); // `urls` moves into the call
    println!("{report} from {} urls", urls.len());
}
