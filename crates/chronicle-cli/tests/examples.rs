//! The real binary on the example corpus in examples/: concrete events with their dates,
//! and the store round trip (ingest → events/articles/show/search/quotes).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(args: &[&str], db: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .env("CHRONICLE_DB", db)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn code_examples() -> Vec<Value> {
    let (status, out, err) = run(
        &["code", examples().to_str().unwrap()],
        Path::new("/nonexistent.db"),
    );
    assert_eq!(status, 0, "{err}");
    jsonl(&out)
}

fn has(events: &[Value], doc: &str, src: &str, tgt: &str, cameo: &str) -> Option<Value> {
    events
        .iter()
        .find(|e| {
            e["doc"].as_str().unwrap().starts_with(doc)
                && e["source"]["code"] == src
                && e["target"]["code"] == tgt
                && e["cameo"].as_str().unwrap().starts_with(cameo)
        })
        .cloned()
}

#[test]
fn concrete_events_of_the_example_corpus() {
    let events = code_examples();
    let get = |doc, src, tgt, cameo| {
        has(&events, doc, src, tgt, cameo)
            .unwrap_or_else(|| panic!("no {src}→{tgt} {cameo} in {doc}"))
    };
    // "The United States on Friday vetoed a United Nations Security Council resolution …"
    let veto = get("07_", "USA", "IGOUNO", "129");
    assert_eq!(veto["date"], "2023-12-08");
    assert_eq!(veto["date_source"], "relative");
    assert_eq!(veto["quad_class"], 3);
    // "The European Union imposed sanctions on Friday on 12 Belarusian officials …" (HTML)
    let sanctions = get("06_", "IGOEUREEC", "BLRGOV", "163");
    assert_eq!(sanctions["plover"]["event"], "COERCE");
    assert_eq!(sanctions["quad_class"], 4);
    // "He accused Moscow of shelling … on Wednesday." — "he" is Ukraine's president.
    let accuse = get("02_", "UKRGOV", "RUSGOV", "112");
    assert_eq!(accuse["date"], "2022-03-02");
    // A state visit: "Japanese Foreign Minister Taro Kono arrived in New Delhi on Tuesday …"
    get("09_", "JPNGOV", "INDGOV", "042");
}

#[test]
fn an_undated_article_gives_undated_events() {
    let events = code_examples();
    let call =
        has(&events, "10_", "TURGOV", "GRCGOV", "041").expect("the Erdogan–Mitsotakis phone call");
    assert!(call["article_date"].is_null());
    assert!(call["date"].is_null(), "a date was invented: {call}");
    assert_eq!(call["date_source"], "unknown");
    // Both directions of a mutual phone call.
    assert!(has(&events, "10_", "GRCGOV", "TURGOV", "041").is_some());
}

#[test]
fn ingest_then_query_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (status, _, err) = run(&["ingest", examples().to_str().unwrap()], &db);
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("13 new, 0 skipped, 0 failed articles"),
        "{err}"
    );

    let (_, out, _) = run(
        &["events", "--dyad", "USA:IGOUNO", "--format", "jsonl"],
        &db,
    );
    let vetoes = jsonl(&out);
    assert!(vetoes.iter().any(|e| e["cameo"] == "129"), "{out}");
    assert!(vetoes
        .iter()
        .all(|e| e["source"]["code"].as_str().unwrap().starts_with("USA")));

    let (_, out, _) = run(
        &[
            "events", "--actor", "BLR", "--cameo", "16", "--format", "csv",
        ],
        &db,
    );
    let mut rows = csv_rows(&out);
    let header = rows.remove(0);
    assert_eq!(header[0], "doc");
    assert!(
        !rows.is_empty() && rows.iter().all(|r| r[9].starts_with("16")),
        "{out}"
    );

    let (_, out, _) = run(
        &[
            "events",
            "--from",
            "2023-01-01",
            "--to",
            "2023-12-31",
            "--format",
            "jsonl",
        ],
        &db,
    );
    let in_2023 = jsonl(&out);
    assert!(!in_2023.is_empty());
    assert!(in_2023
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2023")));

    let (_, out, _) = run(&["show", "07_unsc_resolution_vetoed.txt"], &db);
    assert!(out.contains("event   129"), "{out}");
    assert!(out.contains("actor   "), "{out}");

    let (_, out, _) = run(&["search", "veto"], &db);
    assert!(
        out.lines().next().is_some_and(|l| l.starts_with("07_")),
        "{out}"
    );

    let (_, out, _) = run(&["quotes", "--format", "jsonl"], &db);
    let quotes = jsonl(&out);
    assert!(
        quotes
            .iter()
            .any(|q| q["kind"] == "direct" && q["speaker"]["code"].is_string()),
        "{out}"
    );

    // Quote filters: every quote returned matches the speaker, the words and the dates.
    let speaker = quotes
        .iter()
        .find_map(|q| {
            q["speaker"]["text"]
                .as_str()
                .and_then(|t| t.split_whitespace().last())
                .map(str::to_owned)
        })
        .expect("a resolved speaker");
    let (_, out, _) = run(
        &[
            "quotes",
            "--speaker",
            &speaker.to_lowercase(),
            "--format",
            "jsonl",
        ],
        &db,
    );
    let by_speaker = jsonl(&out);
    assert!(!by_speaker.is_empty());
    assert!(
        by_speaker.iter().all(|q| q["speaker"]["text"]
            .as_str()
            .unwrap_or("")
            .contains(&speaker)),
        "{out}"
    );
    let (_, out, _) = run(
        &[
            "quotes",
            "--search",
            "ceasefire",
            "--from",
            "2020-01-01",
            "--format",
            "jsonl",
        ],
        &db,
    );
    for q in jsonl(&out) {
        assert!(
            q["content"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("ceasefire"),
            "{q}"
        );
        assert!(q["date"].as_str().unwrap() >= "2020-01-01", "{q}");
    }
    let (_, out, _) = run(&["quotes", "--speaker", "%", "--format", "jsonl"], &db);
    assert!(
        out.trim().is_empty(),
        "wildcards in user text are literal: {out}"
    );

    let (status, _, err) = run(&["show", "no-such-article"], &db);
    assert_ne!(status, 0);
    assert!(err.contains("no-such-article"), "{err}");
}

fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(s.as_bytes());
    let mut rows = vec![r.headers().unwrap().iter().map(str::to_owned).collect()];
    rows.extend(
        r.records()
            .map(|rec| rec.unwrap().iter().map(str::to_owned).collect()),
    );
    rows
}
