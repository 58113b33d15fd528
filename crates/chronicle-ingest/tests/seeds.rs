//! The five crawled seed articles in /work/shared/seeds: publication dates from their header
//! lines, crawl noise removed, story paragraphs kept. The seeds are part of the project's
//! reference data, so their absence is a setup error, not a reason to skip.

use std::path::PathBuf;

use chronicle_core::{Article, DateSource};
use chronicle_ingest::{read_inputs, ReadOptions};
use chrono::NaiveDate;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn read_seeds() -> Vec<Article> {
    let dir = seeds_dir();
    assert!(dir.is_dir(), "reference seeds missing at {}", dir.display());
    read_inputs(&[dir.display().to_string()], &ReadOptions::default())
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn seed<'a>(articles: &'a [Article], prefix: &str) -> &'a Article {
    articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

#[test]
fn publication_dates_come_from_header_lines() {
    let articles = read_seeds();
    assert_eq!(articles.len(), 5);
    let want = [
        ("000_", (2019, 12, 11)),
        ("001_", (2017, 12, 15)),
        ("002_", (2019, 12, 20)),
        ("003_", (2021, 6, 21)),
        ("004_", (2012, 1, 31)),
    ];
    for (prefix, (y, m, d)) in want {
        let a = seed(&articles, prefix);
        assert_eq!(a.date, NaiveDate::from_ymd_opt(y, m, d), "{}", a.id);
        assert_eq!(a.date_source, Some(DateSource::Text), "{}", a.id);
    }
}

#[test]
fn crawl_noise_is_removed_and_story_kept() {
    let articles = read_seeds();
    for a in &articles {
        for noise in [
            "Editor Picks",
            "Loading...",
            "Leave a comment",
            "tagsToTranslate",
            "Photo : YONHAP News",
            "Anchor:",
            "Report:",
            "KBS World Radio News",
            "MILITARY TENSIONS",
            "Middle-east and International News",
        ] {
            assert!(!a.text.contains(noise), "{} still contains {noise:?}", a.id);
        }
        assert!(!a.text.contains('\r'));
        assert_eq!(a.text, a.text.trim());
        if let Some(title) = &a.title {
            // The headline opens the text once and is not repeated in the story.
            assert!(a.text.starts_with(title.as_str()), "{}", a.id);
            assert!(
                !a.story().contains(title.as_str()),
                "{}: title left in the story",
                a.id
            );
        }
    }
    // Story sentences survive with their original characters.
    let a = seed(&articles, "000_");
    assert!(a.story().starts_with("UN Security Council member states"));
    assert!(a.text.contains("how to deal with Pyongyang."));
    assert!(a
        .text
        .contains("urged Moscow to support denuclearization efforts"));
    let a = seed(&articles, "001_");
    assert!(a
        .text
        .contains("UN Secretary General Antonio Guterres told the Security Council"));
    assert!(a
        .text
        .contains("North Korea must earn its way back to the table."));
    let a = seed(&articles, "002_");
    assert!(a.story().starts_with("A last-minute flood of diplomacy"));
    assert!(a
        .text
        .ends_with("we are already thinking ahead,\" he said."));
    let a = seed(&articles, "004_");
    assert!(a
        .story()
        .starts_with("The top U.S. diplomat for Asian and Pacific affairs"));
}

#[test]
fn metadata_from_the_text() {
    let articles = read_seeds();
    let a = seed(&articles, "000_");
    assert_eq!(a.outlet.as_deref(), Some("KBS World Radio News"));
    let a = seed(&articles, "001_");
    assert_eq!(
        a.title.as_deref(),
        Some("US Urges North Korea to Cease Weapons Testing for Talks to be Held")
    );
    assert!(a
        .outlet
        .as_deref()
        .is_some_and(|o| o.starts_with("Asharq Al-")));
    let a = seed(&articles, "002_");
    assert_eq!(a.dateline.as_deref(), Some("SEOUL"));
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    let a = seed(&articles, "004_");
    assert_eq!(
        a.title.as_deref(),
        Some("US Envoy Urges North Korea to Improve Relations With South")
    );
    for a in &articles {
        assert_eq!(a.content_hash.len(), 64);
        assert!(a.id.ends_with(".txt"));
    }
}
