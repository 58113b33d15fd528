//! HTML pages: main text by Readability (`dom_smoothie`), title, outlet and publication date
//! from the page's metadata.

use std::sync::LazyLock;

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability};
use regex::Regex;

use crate::dates::parse_field_date;
use crate::error::Reason;

/// What a page yields before text cleaning.
#[derive(Debug, Clone, Default)]
pub struct HtmlPage {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub date: Option<NaiveDate>,
    /// The main text, paragraphs separated by blank lines.
    pub text: String,
}

/// Publication-date metadata, most specific first. dom_smoothie already reads
/// `article:published_time`, `dcterms.*` and JSON-LD `datePublished`; these are the common
/// others.
const DATE_SELECTORS: &[(&str, &str)] = &[
    (r#"meta[itemprop="datePublished"]"#, "content"),
    (r#"meta[property="og:published_time"]"#, "content"),
    (r#"meta[name="date"]"#, "content"),
    (r#"meta[name="pubdate"]"#, "content"),
    (r#"meta[name="publish-date"]"#, "content"),
    (r#"meta[name="publish_date"]"#, "content"),
    (r#"meta[name="article.published"]"#, "content"),
    (r#"meta[name="DC.date.issued"]"#, "content"),
    (r#"time[itemprop="datePublished"]"#, "datetime"),
    (r#"time[pubdate]"#, "datetime"),
    ("article time[datetime]", "datetime"),
    ("time[datetime]", "datetime"),
];

fn first_attr(doc: &dom_query::Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .find_map(|s| s.attr(attr).map(|v| v.trim().to_string()))
        .filter(|v| !v.is_empty())
}

fn meta_date(doc: &dom_query::Document) -> Option<NaiveDate> {
    DATE_SELECTORS
        .iter()
        .filter_map(|(sel, attr)| first_attr(doc, sel, attr))
        .find_map(|v| parse_field_date(&v))
}

/// `datePublished` anywhere in the page's JSON-LD blocks (also inside `@graph` arrays).
fn json_ld_date(doc: &dom_query::Document) -> Option<NaiveDate> {
    doc.select(r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|s| serde_json::from_str::<serde_json::Value>(&s.text()).ok())
        .find_map(|v| find_json_key(&v, "datePublished", 0))
        .and_then(|v| parse_field_date(&v))
}

fn find_json_key(value: &serde_json::Value, key: &str, depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 8 {
        return None;
    }
    match value {
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| map.values().find_map(|v| find_json_key(v, key, depth + 1))),
        Value::Array(items) => items.iter().find_map(|v| find_json_key(v, key, depth + 1)),
        _ => None,
    }
}

/// Visible body text when Readability finds no article.
fn body_text(html: &str) -> String {
    block_text(html)
}

static TABLE_PARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)(?:td|th|tr|tbody|thead|tfoot|caption)\b").unwrap());

/// Elements that start a new paragraph in the text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "form",
    "hr",
    "center",
    "address",
];

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "button", "select", "iframe",
];

/// Plain text of an HTML fragment with one paragraph per block element and a line break per
/// `<br>`; whitespace inside text runs is collapsed as a browser would.
fn block_text(html: &str) -> String {
    // Readability's output keeps table cells without their <table>; an HTML parser would then
    // drop the cell tags and run neighbouring cells together, so cells become divs first.
    let html = TABLE_PARTS.replace_all(html, "<${1}div");
    let doc = dom_query::Document::from(html.as_ref());
    let mut out = String::new();
    append_text(&doc.root(), &mut out, 0);
    out
}

fn append_text(node: &dom_query::NodeRef, out: &mut String, depth: usize) {
    // Deeply nested markup is malformed or hostile; its text is not worth a stack overflow.
    if depth > 200 {
        return;
    }
    if node.is_text() {
        let text = node.text();
        let mut words = text.split_whitespace().peekable();
        if text.starts_with(char::is_whitespace) && !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
        while let Some(w) = words.next() {
            out.push_str(w);
            if words.peek().is_some() {
                out.push(' ');
            }
        }
        if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            out.push(' ');
        }
        return;
    }
    let name = node
        .node_name()
        .map(|n| n.to_ascii_lowercase())
        .unwrap_or_default();
    if SKIPPED_ELEMENTS.contains(&name.as_str()) {
        return;
    }
    if name == "br" {
        out.push('\n');
        return;
    }
    let block = BLOCK_ELEMENTS.contains(&name.as_str());
    if block {
        out.push_str("\n\n");
    }
    for child in node.children_it(false) {
        append_text(&child, out, depth + 1);
    }
    if block {
        out.push_str("\n\n");
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Extracts the article from an HTML page. `url` is the page address when known (WARC).
pub fn extract_html(html: &str, url: Option<&str>) -> Result<HtmlPage, Reason> {
    let config = Config::default();
    // A relative or malformed URL only matters for resolving links, which we do not need.
    let absolute_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::new(html, absolute_url, Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .map_err(|_| Reason::NoHtmlText)?;
    let dom_date = json_ld_date(&readability.doc).or_else(|| meta_date(&readability.doc));
    let canonical = first_attr(&readability.doc, r#"link[rel="canonical"]"#, "href")
        .or_else(|| first_attr(&readability.doc, r#"meta[property="og:url"]"#, "content"));
    let site_name = first_attr(
        &readability.doc,
        r#"meta[property="og:site_name"]"#,
        "content",
    );

    let mut page = HtmlPage {
        url: url.map(str::to_string).or(canonical),
        site_name,
        date: dom_date,
        ..Default::default()
    };
    match readability.parse() {
        Ok(article) => {
            page.title = non_empty(Some(article.title));
            page.site_name = page.site_name.or(non_empty(article.site_name));
            let ld_date = article.published_time.as_deref().and_then(parse_field_date);
            page.date = ld_date.or(page.date);
            page.text = block_text(&article.content);
        }
        Err(_) => page.text = body_text(html),
    }
    if page.text.trim().is_empty() {
        return Err(Reason::NoHtmlText);
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_dates_in_order_of_preference() {
        let page = |head: &str, body: &str| {
            format!("<!doctype html><html><head>{head}</head><body><article><p>{body}</p></article></body></html>")
        };
        let story = "Kenya's foreign ministry said on Monday that talks between Ethiopia and Eritrea would resume in Nairobi next week under African Union mediation, a spokesman said. ".repeat(4);
        let cases = [
            (
                r#"<meta property="article:published_time" content="2022-05-04T10:00:00+03:00">"#,
                "",
                "2022-05-04",
            ),
            (
                r#"<meta name="date" content="2021-11-30">"#,
                "",
                "2021-11-30",
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks","datePublished":"2020-02-14T08:00:00Z"}</script>"#,
                "",
                "2020-02-14",
            ),
            (
                "",
                r#"<time datetime="2019-09-09T12:00">9 Sept</time> "#,
                "2019-09-09",
            ),
        ];
        for (head, extra, want) in cases {
            let html = page(head, &format!("{extra}{story}"));
            let p = extract_html(&html, None).unwrap();
            assert_eq!(
                p.date.map(|d| d.to_string()).as_deref(),
                Some(want),
                "{head}{extra}"
            );
        }
        let p = extract_html(&page("", &story), None).unwrap();
        assert_eq!(p.date, None);
    }

    #[test]
    fn pages_without_text_are_rejected() {
        for html in [
            "<html><body></body></html>",
            "<html><body><script>var a=1;</script></body></html>",
            "<html><head><title>Iran</title></head><body><div><p></div><!-- cut off",
        ] {
            assert!(
                matches!(extract_html(html, None), Err(Reason::NoHtmlText)),
                "{html}"
            );
        }
    }
}
