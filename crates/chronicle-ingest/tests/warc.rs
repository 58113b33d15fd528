//! WARC files (plain and gzip-compressed per record): page records become articles, other
//! records are skipped, and a broken record is reported with its number.

use std::fs;
use std::io::Write;

use chronicle_core::DateSource;
use chronicle_ingest::{read_inputs, ReadOptions};
use chrono::NaiveDate;
use flate2::write::GzEncoder;
use flate2::Compression;

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Chile and Argentina settle glacier dispute</title>
<meta property="og:site_name" content="Cono Sur Journal">
<meta property="article:published_time" content="2021-03-09T12:00:00-03:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Chile and Argentina settle glacier dispute</h1>
<p>SANTIAGO (Cono Sur Journal) – Chile and Argentina signed an agreement on Tuesday that settles the last disputed section of their border in the Southern Patagonian Ice Field, the two foreign ministries said.</p>
<p>Chilean Foreign Minister Andres Allamand and his Argentine counterpart Felipe Sola met in Santiago and praised the deal as proof that neighbours could resolve old quarrels through dialogue.</p>
<p>"This closes a chapter that has divided us for more than a century," Sola told reporters.</p>
</article><footer>Cono Sur Journal. All rights reserved.</footer></body></html>"#;

const TEXT: &str = "Bolivia Recalls Ambassador\n\nPublished: 14 July 2021\n\nBolivia recalled its ambassador to Argentina on Wednesday after Buenos Aires opened an inquiry into arms shipments sent to La Paz in 2019, the foreign ministry said.";

fn record(kind: &str, content_type: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn records() -> Vec<Vec<u8>> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: {}\r\n\r\n{PAGE}",
        PAGE.len()
    );
    vec![
        record(
            "warcinfo",
            "application/warc-fields",
            "",
            b"software: chronicle-test\r\n",
        ),
        record(
            "request",
            "application/http; msgtype=request",
            "https://conosur.example/glacier",
            b"GET /glacier HTTP/1.1\r\nHost: conosur.example\r\n\r\n",
        ),
        record(
            "response",
            "application/http; msgtype=response",
            "https://conosur.example/glacier",
            http.as_bytes(),
        ),
        record(
            "response",
            "application/http; msgtype=response",
            "https://conosur.example/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n",
        ),
        record(
            "resource",
            "text/plain",
            "file:///archive/bolivia.txt",
            TEXT.as_bytes(),
        ),
    ]
}

fn check(path: &str, name: &str) {
    let results: Vec<_> = read_inputs(&[path.to_string()], &ReadOptions::default()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    let page = results[0].as_ref().unwrap();
    assert_eq!(page.id, format!("{name}#3"));
    assert_eq!(page.url.as_deref(), Some("https://conosur.example/glacier"));
    assert_eq!(page.date, NaiveDate::from_ymd_opt(2021, 3, 9));
    assert_eq!(page.date_source, Some(DateSource::HtmlMeta));
    assert_eq!(page.outlet.as_deref(), Some("Cono Sur Journal"));
    assert_eq!(page.dateline.as_deref(), Some("SANTIAGO"));
    assert!(page
        .story()
        .starts_with("Chile and Argentina signed an agreement on Tuesday"));
    assert!(page.text.ends_with("Sola told reporters."));
    assert!(!page.text.contains("All rights reserved"));
    let text = results[1].as_ref().unwrap();
    assert_eq!(text.id, format!("{name}#5"));
    assert_eq!(text.title.as_deref(), Some("Bolivia Recalls Ambassador"));
    assert_eq!(text.date, NaiveDate::from_ymd_opt(2021, 7, 14));
    assert_eq!(text.url.as_deref(), Some("file:///archive/bolivia.txt"));
}

#[test]
fn plain_and_gzipped_warc() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("crawl.warc");
    fs::write(&plain, records().concat()).unwrap();
    check(&plain.display().to_string(), "crawl.warc");

    // Each record is its own gzip member, as crawlers write them.
    let gz = dir.path().join("crawl.warc.gz");
    let mut bytes = Vec::new();
    for r in records() {
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(&r).unwrap();
        bytes.extend(enc.finish().unwrap());
    }
    fs::write(&gz, bytes).unwrap();
    check(&gz.display().to_string(), "crawl.warc.gz");
}

#[test]
fn truncated_warc_reports_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc");
    let mut bytes = records()[..3].concat();
    bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n\r\nonly a little");
    fs::write(&path, bytes).unwrap();
    let results: Vec<_> =
        read_inputs(&[path.display().to_string()], &ReadOptions::default()).collect();
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().to_string(),
        format!(
            "{}: record 4: malformed WARC: input ends inside a record",
            path.display()
        )
    );
}
