//! The example corpus in examples/ (used by the README demo and other crates' tests) reads
//! cleanly: every article with its stated date, outlet and story, and no crawl noise.

use std::collections::HashMap;
use std::path::PathBuf;

use chronicle_core::{Article, DateSource};
use chronicle_ingest::{read_inputs, ReadOptions};
use chrono::NaiveDate;

fn examples_dir() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .display()
        .to_string()
}

fn read_examples(opts: &ReadOptions) -> HashMap<String, Article> {
    read_inputs(&[examples_dir()], opts)
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .map(|a| (a.id.clone(), a))
        .collect()
}

fn ymd(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn every_article_has_its_stated_date() {
    let articles = read_examples(&ReadOptions::default());
    // README.md is no input format, so the directory walk leaves it out.
    assert_eq!(
        articles.len(),
        13,
        "{:?}",
        articles.keys().collect::<Vec<_>>()
    );
    let want = [
        (
            "01_us_china_tariffs.txt",
            Some("2019-05-14"),
            Some(DateSource::Text),
        ),
        (
            "02_russia_ukraine_talks.txt",
            Some("2022-03-03"),
            Some(DateSource::Text),
        ),
        (
            "03_israel_iran_threat.html",
            Some("2024-04-16"),
            Some(DateSource::HtmlMeta),
        ),
        (
            "04_india_pakistan_border.txt",
            Some("2021-10-03"),
            Some(DateSource::Text),
        ),
        (
            "05_korea_missile_broadcast.txt",
            Some("2023-03-16"),
            Some(DateSource::Text),
        ),
        (
            "06_eu_sanctions_belarus.html",
            Some("2022-06-03"),
            Some(DateSource::HtmlMeta),
        ),
        (
            "07_unsc_resolution_vetoed.txt",
            Some("2023-12-08"),
            Some(DateSource::Text),
        ),
        (
            "08_african_union_mediation.txt",
            Some("2022-11-02"),
            Some(DateSource::Text),
        ),
        (
            "09_state_visit_japan_india.txt",
            Some("2018-06-12"),
            Some(DateSource::Text),
        ),
        ("10_turkey_greece_phone_call.txt", None, None),
        (
            "wire-2024-0917",
            Some("2024-09-24"),
            Some(DateSource::Field),
        ),
        (
            "wire-2025-0128",
            Some("2025-01-28"),
            Some(DateSource::Field),
        ),
        (
            "wire-2020-0707",
            Some("2020-07-07"),
            Some(DateSource::Field),
        ),
    ];
    for (id, date, source) in want {
        let a = &articles[id];
        assert_eq!(a.date, date.and_then(ymd), "{id}");
        assert_eq!(a.date_source, source, "{id}");
    }
}

#[test]
fn command_line_date_fills_only_the_undated_article() {
    let opts = ReadOptions {
        default_date: ymd("2020-09-15"),
        ..Default::default()
    };
    let articles = read_examples(&opts);
    let undated = &articles["10_turkey_greece_phone_call.txt"];
    assert_eq!(undated.date, ymd("2020-09-15"));
    assert_eq!(undated.date_source, Some(DateSource::CommandLine));
    assert_eq!(articles["01_us_china_tariffs.txt"].date, ymd("2019-05-14"));
}

#[test]
fn stories_are_clean_and_complete() {
    let articles = read_examples(&ReadOptions::default());
    for a in articles.values() {
        let words = a.text.split_whitespace().count();
        assert!((130..=400).contains(&words), "{}: {words} words", a.id);
        for noise in [
            "Loading...",
            "Editor Picks",
            "Share this",
            "Facebook",
            "Read more",
            "Related",
            "tagsToTranslate",
            "Photo",
            "ADVERTISEMENT",
            "Leave a comment",
            "All rights reserved",
            "cookies",
            "Anchor:",
            "Report:",
            "Subscribe",
            "Back to top",
            "Most Read",
            "(AFP)",
            "By Anjali Rao",
        ] {
            assert!(!a.text.contains(noise), "{} keeps {noise:?}", a.id);
        }
        if let Some(title) = &a.title {
            // The headline opens the text once and is not repeated in the story.
            let body = a
                .text
                .strip_prefix(title.as_str())
                .and_then(|b| b.strip_prefix("\n\n"));
            let body =
                body.unwrap_or_else(|| panic!("{}: text does not open with the title", a.id));
            assert!(
                !body.contains(title.as_str()),
                "{}: title repeated in body",
                a.id
            );
        }
        assert!(a.outlet.is_some(), "{}: no outlet", a.id);
    }
    let a = &articles["01_us_china_tariffs.txt"];
    assert_eq!(a.dateline.as_deref(), Some("BEIJING"));
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    assert!(a.story().starts_with("China on Monday announced tariffs"));
    assert!(a.text.ends_with("would meet again."));
    let a = &articles["05_korea_missile_broadcast.txt"];
    assert_eq!(a.outlet.as_deref(), Some("Hanbit World Radio News"));
    assert!(a
        .text
        .contains("North Korea test-fired an intercontinental ballistic missile"));
    assert!(a
        .story()
        .starts_with("North Korea test-fired an intercontinental ballistic missile"));
    assert!(a
        .text
        .contains("[Sound bite: Joint Chiefs of Staff spokesman"));
    assert!(a.text.ends_with("war rehearsals by the allies."));
    let a = &articles["03_israel_iran_threat.html"];
    assert_eq!(a.outlet.as_deref(), Some("Levant Daily"));
    assert_eq!(a.dateline.as_deref(), Some("TEHRAN"));
    assert!(a
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://levantdaily.example/")));
    let a = &articles["wire-2024-0917"];
    assert_eq!(
        a.title.as_deref(),
        Some("Venezuela Rejects Guyana's Proposal for Border Commission")
    );
    assert_eq!(a.outlet.as_deref(), Some("Caribbean Wire"));
    assert_eq!(
        a.origin,
        format!(
            "{}/11_wire_digest.jsonl",
            examples_dir().trim_end_matches('/')
        )
    );
}

#[test]
fn reading_twice_gives_the_same_hashes() {
    let first = read_examples(&ReadOptions::default());
    let second = read_examples(&ReadOptions::default());
    for (id, a) in &first {
        assert_eq!(a.content_hash, second[id].content_hash);
    }
    let mut hashes: Vec<&str> = first.values().map(|a| a.content_hash.as_str()).collect();
    hashes.sort();
    hashes.dedup();
    assert_eq!(
        hashes.len(),
        first.len(),
        "distinct articles, distinct hashes"
    );
}
