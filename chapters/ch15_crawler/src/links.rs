//! Links out of an HTML page, found by a real HTML parser ([scraper], the html5ever parser
//! that Servo uses) rather than a regular expression.

use crate::crawl::normalize;
use scraper::{Html, Selector};
use url::Url;

/// The targets of `<a href>` and `<img src>` in `html`, resolved against `base`,
/// normalised, http(s) only, in document order.
pub fn extract(html: &str, base: &Url) -> Vec<Url> {
    let document = Html::parse_document(html);
    let selector = Selector::parse("a[href], img[src]").expect("a valid selector");
    document
        .select(&selector)
        .filter_map(|element| {
            let value = element.value();
            value.attr("href").or_else(|| value.attr("src"))
        })
        .filter_map(|link| base.join(link).ok())
        .filter_map(|url| normalize(&url))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pages_and_images_resolved_and_without_fragments() {
        let base = Url::parse("http://h/dir/page").unwrap();
        let html = r#"<a href="other#top">x</a><img src="/img/1.png"><a href="mailto:a@b">m</a>
            <a href="https://elsewhere/">e</a>"#;
        let links: Vec<String> = extract(html, &base).iter().map(|u| u.to_string()).collect();
        assert_eq!(
            links,
            [
                "http://h/dir/other",
                "http://h/img/1.png",
                "https://elsewhere/"
            ]
        );
    }
}
