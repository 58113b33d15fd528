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
    append_text(&doc.root(), &mut out);
    out
}

/// Walks the tree without recursion (hostile pages nest thousands of levels deep).
fn append_text(root: &dom_query::NodeRef, out: &mut String) {
    enum Step<'a> {
        Enter(dom_query::NodeRef<'a>),
        LeaveBlock,
    }
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::LeaveBlock => {
                out.push_str("\n\n");
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            append_collapsed(&node.text(), out);
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED_ELEMENTS.contains(&name.as_str()) {
            continue;
        }
        if name == "br" {
            out.push('\n');
            continue;
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            out.push_str("\n\n");
            stack.push(Step::LeaveBlock);
        }
        // Reversed so that the first child is popped first.
        stack.extend(node.children_it(true).map(Step::Enter));
    }
}

/// Appends a text run with its whitespace collapsed as a browser would show it.
fn append_collapsed(text: &str, out: &mut String) {
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
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Deeper pages are not given to Readability, whose scoring slows down quadratically with
/// nesting depth; real pages stay far below this.
const MAX_READABILITY_DEPTH: usize = 400;

/// The element nesting depth of the document, counted up to `limit`.
fn nesting_depth(doc: &dom_query::Document, limit: usize) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    deepest
}

/// Tag nesting beyond which a page is refused before parsing: HTML tree building checks
/// the stack of open elements for every tag, so hostile nesting costs quadratic time.
pub const MAX_TAG_DEPTH: usize = 3000;

/// Elements that have no end tag or whose end tag is usually left out.
const UNCLOSED_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd", "!doctype", "!--",
];

/// A quick textual estimate of the deepest tag nesting, stopping past `limit`.
fn textual_tag_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
            .count();
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let tag_end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if !name.is_empty() && !UNCLOSED_ELEMENTS.contains(&name.as_str()) && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > limit {
                    break;
                }
            }
        }
        i = (name_start + name_len).min(bytes.len());
    }
    deepest
}

/// Extracts the article from an HTML page. `url` is the page address when known (WARC).
pub fn extract_html(html: &str, url: Option<&str>) -> Result<HtmlPage, Reason> {
    if textual_tag_depth(html, MAX_TAG_DEPTH) > MAX_TAG_DEPTH {
        return Err(Reason::HtmlTooDeep(MAX_TAG_DEPTH));
    }
    let doc = dom_query::Document::from(html);
    let mut page = HtmlPage {
        url: url.map(str::to_string).or_else(|| {
            first_attr(&doc, r#"link[rel="canonical"]"#, "href")
                .or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, "content"))
        }),
        site_name: first_attr(&doc, r#"meta[property="og:site_name"]"#, "content"),
        date: json_ld_date(&doc).or_else(|| meta_date(&doc)),
        title: first_attr(&doc, r#"meta[property="og:title"]"#, "content")
            .or_else(|| non_empty(Some(doc.select("title").text().to_string()))),
        ..Default::default()
    };
    // A relative or malformed URL only matters for resolving links, which we do not need.
    let absolute_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let readable = nesting_depth(&doc, MAX_READABILITY_DEPTH) <= MAX_READABILITY_DEPTH;
    let parsed = if readable {
        Readability::with_document(doc, absolute_url, Some(Config::default()))
            .ok()
            .and_then(|mut r| r.parse().ok())
    } else {
        None
    };
    match parsed {
        Some(article) => {
            page.title = non_empty(Some(article.title)).or(page.title);
            page.site_name = page.site_name.or(non_empty(article.site_name));
            let ld_date = article.published_time.as_deref().and_then(parse_field_date);
            page.date = ld_date.or(page.date);
            page.text = block_text(&article.content);
        }
        None => page.text = body_text(html),
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
    fn tag_depth_estimate() {
        assert_eq!(
            textual_tag_depth(
                "<html><body><div><p>a<p>b<br/><img src=x></div></body></html>",
                99
            ),
            3
        );
        assert_eq!(
            textual_tag_depth("<!-- c --><!doctype html><a><b></b></a>", 99),
            2
        );
        assert_eq!(textual_tag_depth("a < b and c<", 99), 0);
        let hostile = format!("<html><body>{}x", "<div>".repeat(100_000));
        assert!(matches!(
            extract_html(&hostile, None),
            Err(Reason::HtmlTooDeep(_))
        ));
    }

    #[test]
    fn deeply_nested_pages_are_read_quickly() {
        let story = "Iran said on Monday that talks with the European Union would resume next week in Vienna.";
        let html = format!(
            "<html><body>{}{story}{}</body></html>",
            "<div>".repeat(2_500),
            "</div>".repeat(2_500)
        );
        let started = std::time::Instant::now();
        let result = extract_html(&html, None);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
        assert_eq!(result.unwrap().text.trim(), story);
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
