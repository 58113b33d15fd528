//! `chronicle search` and de-duplication through the real binary: a syndicated copy of an
//! example article is linked, counted once, and left out of events and search unless asked
//! for; two outlets' own reports of one event form one story.

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

fn ok(args: &[&str], db: &Path) -> String {
    let (status, out, err) = run(args, db);
    assert_eq!(status, 0, "chronicle {args:?}: {err}");
    out
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// The UN veto example as another site crawled it: other masthead and footer, a byline, the
/// last paragraph cut.
fn syndicated_copy() -> String {
    let original =
        std::fs::read_to_string(examples().join("07_unsc_resolution_vetoed.txt")).unwrap();
    let body_start = original.find("UNITED NATIONS").unwrap();
    let body_end = original.find("Israel's ambassador").unwrap();
    format!(
        "Harbour City Herald | World\n\nFriday, 8 December, 2023 - 23:40\n\nBy Herald wire services\n\n{}Related stories\nShare on Facebook\n",
        &original[body_start..body_end]
    )
}

const OTHER_STORY: &str = "Capital Observer – Diplomacy\n\n\
Tuesday, 12 December, 2023 - 18:02\n\n\
NEW YORK (Capital Observer) — The United Nations General Assembly on Tuesday voted overwhelmingly to demand a humanitarian ceasefire in Gaza, days after the United States blocked a similar measure in the Security Council.\n\n\
The non-binding resolution was adopted with 153 votes in favour and 10 against, including Israel and the United States, while 23 countries abstained.\n\n\
Egypt's ambassador Osama Abdelkhalek said the vote showed the will of the international community. Austria and the Czech Republic joined Washington in voting no.\n\n\
Israeli envoy Gilad Erdan said the resolution would only prolong the suffering and called on members to condemn Hamas.\n";

/// The sum of every numeric `key` field in the periods of a dyad series.
fn find_u64(v: &Value, key: &str) -> u64 {
    v["periods"]
        .as_array()
        .map_or(0, |ps| ps.iter().filter_map(|p| p[key].as_u64()).sum())
}

fn ingest() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for name in [
        "07_unsc_resolution_vetoed.txt",
        "04_india_pakistan_border.txt",
    ] {
        std::fs::copy(examples().join(name), corpus.join(name)).unwrap();
    }
    let db = dir.path().join("c.db");
    ok(&["ingest", corpus.to_str().unwrap()], &db);
    // Later crawls: the syndicated copy and an independent story on the same subject.
    std::fs::write(dir.path().join("herald_veto.txt"), syndicated_copy()).unwrap();
    std::fs::write(dir.path().join("observer_unga.txt"), OTHER_STORY).unwrap();
    let (status, _, err) = run(
        &[
            "ingest",
            dir.path().join("herald_veto.txt").to_str().unwrap(),
            dir.path().join("observer_unga.txt").to_str().unwrap(),
        ],
        &db,
    );
    assert_eq!(status, 0, "{err}");
    assert!(
        err.contains("2 new") && err.contains("1 near-duplicate"),
        "{err}"
    );
    (dir, db)
}

#[test]
fn a_syndicated_copy_is_linked_and_counted_once() {
    let (dir, db) = ingest();
    let stats = ok(&["stats"], &db);
    assert!(stats.contains("articles 3\n"), "{stats}");
    assert!(stats.contains("duplicates 1\n"), "{stats}");

    let list = ok(&["articles", "--format", "csv"], &db);
    let copy_row = list
        .lines()
        .find(|l| l.contains("herald_veto.txt"))
        .unwrap();
    assert!(
        copy_row.contains("07_unsc_resolution_vetoed.txt"),
        "{copy_row}"
    );
    let other_row = list
        .lines()
        .find(|l| l.contains("observer_unga.txt"))
        .unwrap();
    assert!(!other_row.contains("07_unsc"), "{other_row}");

    let shown = ok(&["show", "herald_veto.txt"], &db);
    assert!(
        shown.starts_with("near-duplicate of 07_unsc_resolution_vetoed.txt (similarity 0."),
        "{shown}"
    );
    let original = ok(&["show", "07_unsc_resolution_vetoed.txt"], &db);
    assert!(
        original.contains("near-duplicate copy: herald_veto.txt"),
        "{original}"
    );

    let events = jsonl(&ok(&["events", "--format", "jsonl"], &db));
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["doc"] != "herald_veto.txt"));
    let all = jsonl(&ok(
        &["events", "--format", "jsonl", "--include-duplicates"],
        &db,
    ));
    assert!(all.iter().any(|e| e["doc"] == "herald_veto.txt"));
    assert!(all.len() > events.len());

    // The dyad series and the GDELT export count the story once too.
    // A dyad matches code prefixes: USAGOV -> IGOUNO counts as USA -> IGOUNO.
    let code_starts = |v: &Value, prefix: &str| v.as_str().is_some_and(|c| c.starts_with(prefix));
    let vetoes = events
        .iter()
        .filter(|e| {
            code_starts(&e["source"]["code"], "USA") && code_starts(&e["target"]["code"], "IGOUNO")
        })
        .count();
    assert!(vetoes > 0);
    let series: Value = serde_json::from_str(&ok(
        &["dyad", "USA", "IGOUNO", "--by", "year", "--format", "json"],
        &db,
    ))
    .unwrap();
    let total = find_u64(&series, "events");
    assert_eq!(
        total, vetoes as u64,
        "dyad series must not count the copy's events: {series}"
    );
    let gdelt = ok(
        &["export", "--format", "gdelt", "--dyad", "USA:IGOUNO"],
        &db,
    );
    assert_eq!(gdelt.lines().count(), vetoes, "{gdelt}");

    // Re-ingesting is still a no-op.
    let (status, _, err) = run(
        &[
            "ingest",
            dir.path().join("herald_veto.txt").to_str().unwrap(),
        ],
        &db,
    );
    assert_eq!(status, 0);
    assert!(err.contains("0 new, 1 skipped"), "{err}");
    assert!(ok(&["stats"], &db).contains("duplicates 1\n"));
}

#[test]
fn search_ranks_filters_and_highlights() {
    let (_dir, db) = ingest();
    let out = ok(&["search", "humanitarian ceasefire"], &db);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "the copy is left out: {out}");
    assert!(lines.iter().all(|l| !l.starts_with("herald_veto")), "{out}");
    assert!(out.contains("«humanitarian ceasefire»"), "{out}");
    let with_copies = ok(
        &["search", "humanitarian ceasefire", "--include-duplicates"],
        &db,
    );
    assert_eq!(with_copies.lines().count(), 3, "{with_copies}");

    // "vetoed" also finds "veto" (stemming); both sentences are in the veto story.
    let hits = jsonl(&ok(&["search", "vetoed", "--format", "jsonl"], &db));
    assert!(hits
        .iter()
        .all(|h| h["doc"] == "07_unsc_resolution_vetoed.txt"));
    let lead = hits.iter().find(|h| h["sentence"] == 0).expect("the lead");
    assert_eq!(lead["kind"], "sentence");
    assert!(lead["snippet_html"]
        .as_str()
        .unwrap()
        .contains("<mark>vetoed</mark>"));
    assert_eq!(lead["article_date"], "2023-12-08");
    let [start, end] = [&lead["evidence"][0], &lead["evidence"][1]].map(|v| v.as_u64().unwrap());
    assert_eq!(
        (start, end as usize),
        (0, lead["text"].as_str().unwrap().chars().count())
    );
    let codes: Vec<&str> = lead["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["cameo"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"129"), "{lead}");

    // Filters: the vetoing sentence has a USA-sourced event; the Assembly story is dated later.
    let by_actor = jsonl(&ok(
        &["search", "ceasefire", "--actor", "USA", "--format", "jsonl"],
        &db,
    ));
    assert!(by_actor
        .iter()
        .any(|h| h["doc"] == "07_unsc_resolution_vetoed.txt"));
    let late = jsonl(&ok(
        &[
            "search",
            "ceasefire",
            "--from",
            "2023-12-10",
            "--format",
            "jsonl",
        ],
        &db,
    ));
    assert!(!late.is_empty());
    assert!(
        late.iter().all(|h| h["doc"] == "observer_unga.txt"),
        "{late:?}"
    );
    let none = ok(&["search", "ceasefire", "--cameo", "99"], &db);
    assert!(none.trim().is_empty(), "{none}");

    let quotes = jsonl(&ok(
        &["search", "hostages", "--in", "quotes", "--format", "jsonl"],
        &db,
    ));
    assert!(quotes.iter().all(|h| h["kind"] == "quote"));
    assert!(!quotes.is_empty());

    let csv = ok(
        &["search", "ceasefire", "--format", "csv", "--limit", "2"],
        &db,
    );
    assert!(csv.starts_with("kind,doc,article_date,sentence,start,end,score,snippet,events,text"));
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        2
    );
}

#[test]
fn odd_queries_never_fail_in_plain_mode() {
    let (_dir, db) = ingest();
    for q in [
        "\"",
        "-veto",
        "NOT",
        "*",
        "a:b",
        "ceasefire\"",
        "(",
        "Гуттериш 安理会",
        "AND",
    ] {
        ok(&["search", "--in", "all", "--", q], &db);
    }
    let (status, _, err) = run(&["search", "--raw", "\"ceasefire"], &db);
    assert_ne!(status, 0);
    assert!(err.contains("FTS5 syntax"), "{err}");
}

const YONHAP_CALL: &str = "Title: Moon, Trump agree to keep pressure on North Korea\n\
Source: Yonhap\nDate: 2019-11-08\n\n\
SEOUL, Nov. 8 (Yonhap) -- South Korean President Moon Jae-in held phone talks with U.S. President \
Donald Trump on Thursday and agreed to keep up pressure on North Korea, Cheong Wa Dae said.\n\n\
The two leaders also discussed the stalled nuclear negotiations, a presidential spokeswoman told reporters.\n";

const KYODO_CALL: &str = "Title: South Korea's Moon, Trump discuss North Korea by phone\n\
Source: Kyodo News\nDate: 2019-11-08\n\n\
TOKYO -- South Korean President Moon Jae-in had a telephone conversation with U.S. President \
Donald Trump on Thursday, the South Korean presidential office said, as talks with Pyongyang \
remain stalled.\n";

#[test]
fn two_outlets_reporting_one_call_make_one_story() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    std::fs::write(news.join("yonhap.txt"), YONHAP_CALL).unwrap();
    std::fs::write(news.join("kyodo.txt"), KYODO_CALL).unwrap();
    ok(&["ingest", news.to_str().unwrap()], &db);

    let calls = |extra: &[&str]| {
        let mut args = vec![
            "events", "--dyad", "KOR:USA", "--cameo", "041", "--format", "jsonl",
        ];
        args.extend_from_slice(extra);
        jsonl(&ok(&args, &db))
    };
    let mentions = calls(&[]);
    assert_eq!(mentions.len(), 2, "each article reports the call");
    assert_eq!(mentions[0]["story"], mentions[1]["story"]);
    let stories = calls(&["--stories"]);
    assert_eq!(stories.len(), 1);
    let story = &stories[0]["story"];
    assert_eq!(
        (
            story["mentions"].as_u64(),
            story["sources"].as_u64(),
            story["articles"].as_u64()
        ),
        (Some(2), Some(2), Some(2))
    );

    // GDELT rows are stories, with NumMentions, NumSources and NumArticles filled.
    let gdelt = ok(
        &[
            "export", "--format", "gdelt", "--dyad", "KOR:USA", "--cameo", "041",
        ],
        &db,
    );
    let rows: Vec<Vec<&str>> = gdelt.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][31..34], ["2", "2", "2"]);
    let every = ok(
        &[
            "export",
            "--format",
            "gdelt",
            "--dyad",
            "KOR:USA",
            "--cameo",
            "041",
            "--mentions",
        ],
        &db,
    );
    assert_eq!(every.lines().count(), 2);

    // PLOVER carries the other report as evidence.
    let plover = jsonl(&ok(
        &[
            "export", "--format", "plover", "--dyad", "KOR:USA", "--cameo", "041",
        ],
        &db,
    ));
    assert_eq!(plover.len(), 1);
    let others = plover[0]["other_mentions"]
        .as_array()
        .expect("other mentions");
    assert_eq!(others.len(), 1);
    assert!(others[0]["text"].as_str().unwrap().contains("Moon Jae-in"));
}
