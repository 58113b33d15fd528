//! Every way an input can be rejected, with the origin and reason in the message.

use std::fs;

use chronicle_core::DateSource;
use chronicle_ingest::{read_bytes, read_inputs, Format, IngestError, ReadOptions, Reason};
use chrono::NaiveDate;

fn errors_of(
    origin: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &ReadOptions,
) -> Vec<IngestError> {
    read_bytes(origin, origin, bytes, format, opts)
        .into_iter()
        .filter_map(Result::err)
        .collect()
}

fn one_error(origin: &str, bytes: &[u8], format: Option<Format>) -> IngestError {
    let mut errs = errors_of(origin, bytes, format, &ReadOptions::default());
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs.remove(0)
}

const STORY: &str = "Egypt's foreign minister urged Ethiopia on Monday to return to talks on the Nile dam, saying Cairo would not accept a unilateral filling of the reservoir.";

#[test]
fn binary_files() {
    let e = one_error("scan.txt", b"%PDF-1.4\n\0\0\x01\x02binary", None);
    assert!(matches!(e.reason, Reason::Binary(_)));
    assert_eq!(e.to_string(), "scan.txt: binary file (contains NUL bytes)");
    let control: Vec<u8> = (0..500u32).map(|i| (i % 7 + 1) as u8).collect();
    let e = one_error("blob.dat", &control, None);
    assert_eq!(
        e.to_string(),
        "blob.dat: binary file (mostly non-text bytes)"
    );
    let e = one_error("data.jsonl", b"{\"text\":\"a\0b\"}\n", Some(Format::Jsonl));
    assert!(matches!(e.reason, Reason::Binary(_)));
}

#[test]
fn invalid_utf8_gives_byte_offset() {
    let mut bytes = STORY.as_bytes().to_vec();
    bytes.insert(10, 0xff);
    let e = one_error("latin1.txt", &bytes, None);
    assert_eq!(e.to_string(), "latin1.txt: invalid UTF-8 at byte offset 10");
}

#[test]
fn empty_and_noise_only_files() {
    assert_eq!(
        one_error("empty.txt", b"", None).to_string(),
        "empty.txt: empty input"
    );
    assert!(matches!(
        one_error("blank.txt", b"\n \n\t", None).reason,
        Reason::Empty
    ));
    let e = one_error(
        "menu.txt",
        b"Loading...\n\nShare this\nFacebook Twitter Email\n\nEditor Picks\n",
        None,
    );
    assert_eq!(e.to_string(), "menu.txt: no text left after cleaning");
}

#[test]
fn jsonl_bad_lines_are_errors_and_the_rest_is_read() {
    let good = format!("{{\"id\":\"a1\",\"text\":\"{STORY}\",\"date\":\"2020-06-02\"}}");
    let input = [
        good.as_str(),
        "",
        "{\"title\":\"No body\"}",
        "{\"text\": \"unterminated",
        &format!("{{\"text\":\"{STORY}\",\"date\":\"next Tuesday\"}}"),
        "[\"not\", \"an object\"]",
        &format!("{{\"text\":\"{STORY}\",\"source\":\"Nile Post\"}}"),
    ]
    .join("\n");
    let results = read_bytes(
        "examples/bad.jsonl",
        "bad.jsonl",
        input.as_bytes(),
        None,
        &ReadOptions::default(),
    );
    let messages: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(messages[0], "ok a1");
    assert_eq!(
        messages[1],
        "examples/bad.jsonl:3: JSON record has no `text` field"
    );
    assert!(
        messages[2].starts_with("examples/bad.jsonl:4: malformed JSON: EOF while parsing"),
        "{}",
        messages[2]
    );
    assert_eq!(
        messages[3],
        "examples/bad.jsonl:5: unparseable date \"next Tuesday\" (expected YYYY-MM-DD or RFC 3339)"
    );
    assert_eq!(
        messages[4],
        "examples/bad.jsonl:6: malformed JSON: expected a JSON object"
    );
    assert_eq!(messages[5], "ok bad.jsonl:7");
    assert_eq!(results.len(), 6);
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2020, 6, 2));
    assert_eq!(first.date_source, Some(DateSource::Field));
    let last = results[5].as_ref().unwrap();
    assert_eq!(last.outlet.as_deref(), Some("Nile Post"));
}

#[test]
fn jsonl_line_over_the_limit() {
    let long = format!("{{\"text\":\"{}\"}}", "word ".repeat(100));
    let input = format!("{long}\n{{\"text\":\"{STORY}\"}}\n");
    let opts = ReadOptions {
        max_line_bytes: 200,
        ..Default::default()
    };
    let results = read_bytes("big.jsonl", "big.jsonl", input.as_bytes(), None, &opts);
    assert_eq!(
        results[0].as_ref().unwrap_err().to_string(),
        "big.jsonl:1: line longer than the maximum of 200 bytes"
    );
    assert_eq!(results[1].as_ref().unwrap().id, "big.jsonl:2");
    // The default limit (1 MB) accepts it.
    let results = read_bytes(
        "big.jsonl",
        "big.jsonl",
        input.as_bytes(),
        None,
        &ReadOptions::default(),
    );
    assert!(results.iter().all(Result::is_ok));
}

#[test]
fn jsonl_text_that_cleans_to_nothing() {
    let e = one_error("x.jsonl", b"{\"text\":\"Loading...\"}\n", None);
    assert_eq!(e.to_string(), "x.jsonl:1: no text left after cleaning");
}

#[test]
fn html_without_extractable_text() {
    let html = b"<!DOCTYPE html><html><head><title>Breaking</title><script>var x = 1;</script></head><body><nav><a href=\"/\">Home</a></nav><div>";
    let e = one_error("page.html", html, None);
    assert_eq!(
        e.to_string(),
        "page.html: HTML page has no extractable text"
    );
}

#[test]
fn missing_files_and_bad_globs_are_reported_per_argument() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, STORY).unwrap();
    let missing = dir.path().join("missing.txt").display().to_string();
    let args = [missing.clone(), good.display().to_string()];
    let results: Vec<_> = read_inputs(&args, &ReadOptions::default()).collect();
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0].as_ref().unwrap_err().to_string(),
        format!("{missing}: no such file, directory or glob match")
    );
    assert_eq!(results[1].as_ref().unwrap().id, "good.txt");
}

#[test]
fn default_date_only_when_none_found() {
    let opts = ReadOptions {
        default_date: NaiveDate::from_ymd_opt(2020, 1, 1),
        ..Default::default()
    };
    let a = read_bytes("a.txt", "a.txt", STORY.as_bytes(), None, &opts)
        .remove(0)
        .unwrap();
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2020, 1, 1));
    assert_eq!(a.date_source, Some(DateSource::CommandLine));
    let dated = format!("Published: 3 March 2020\n\n{STORY}");
    let a = read_bytes("b.txt", "b.txt", dated.as_bytes(), None, &opts)
        .remove(0)
        .unwrap();
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2020, 3, 3));
    assert_eq!(a.date_source, Some(DateSource::Text));
    let a = read_bytes(
        "c.txt",
        "c.txt",
        STORY.as_bytes(),
        None,
        &ReadOptions::default(),
    )
    .remove(0)
    .unwrap();
    assert_eq!((a.date, a.date_source), (None, None), "never invented");
}

#[test]
fn hostile_inputs_do_not_panic() {
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"\n\n\n".to_vec(),
        "\u{feff}".as_bytes().to_vec(),
        "☃".repeat(10_000).into_bytes(),
        "Пхеньян заявил, что проведёт испытания. 北朝鮮はミサイルを発射した。"
            .as_bytes()
            .to_vec(),
        b"{\"text\":".to_vec(),
        b"<html".to_vec(),
        b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n".to_vec(),
        b"\x1f\x8b\x08\x00garbage".to_vec(),
        "(".repeat(5000).into_bytes(),
        "Anchor: Report: Anchor:".as_bytes().to_vec(),
        " date 2019-02-30 x".as_bytes().to_vec(),
    ];
    for bytes in inputs {
        for format in [
            None,
            Some(Format::Text),
            Some(Format::Html),
            Some(Format::Jsonl),
            Some(Format::Warc),
        ] {
            let _ = read_bytes("h", "h", &bytes, format, &ReadOptions::default());
        }
    }
}
