//! The development gold sets through the full standard pipeline: parse, actors, quotes,
//! events. `tests/gold/dev.json` (277 wire-style sentences) and `tests/gold/dev2.json` (229
//! more, weighted to places and unnamed groups as targets, weapons tests, perfect-tense
//! background and modality), both in the PLOVER gold-standard layout. Fails when a score
//! drops, so regressions in any stage the coder relies on are caught.

use std::path::Path;

use chronicle_pipeline::{eval::evaluate_events, Pipeline};

/// Floors for one gold set: each a little under what was measured.
struct Floors {
    file: &'static str,
    snippets: usize,
    country_root_f1: f64,
    root_type_f1: f64,
    exact_f1: f64,
}

/// dev measured 82.9 countries+root, 90.3 event type, 69.1 full code (1.14 events per
/// coded sentence); reactions aimed at no one are no longer coded, and this set's gold keeps
/// some (the whole-article sets' gold never does).
const DEV: Floors = Floors {
    file: "tests/gold/dev.json",
    snippets: 277,
    country_root_f1: 80.4,
    root_type_f1: 88.4,
    exact_f1: 67.9,
};

/// dev2 measured 85.4 countries+root, 91.2 event type, 70.6 full code (1.12 events per
/// coded sentence).
const DEV2: Floors = Floors {
    file: "tests/gold/dev2.json",
    snippets: 229,
    country_root_f1: 81.2,
    root_type_f1: 88.3,
    exact_f1: 66.0,
};

fn check(floors: &Floors) {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join(floors.file);
    let scores = evaluate_events(&Pipeline::standard(), &gold).expect("gold set reads");
    assert_eq!(scores.snippets, floors.snippets, "{}", floors.file);
    let checks = [
        (
            "countries+root",
            scores.country_root.f1(),
            floors.country_root_f1,
        ),
        ("event type", scores.root_type.f1(), floors.root_type_f1),
        ("full code", scores.exact.f1(), floors.exact_f1),
    ];
    for (level, f1, floor) in checks {
        assert!(
            f1 >= floor,
            "{}: {level} F1 {f1:.2} fell below {floor}\n{scores}",
            floors.file
        );
    }
    // No over-coding: an expert records about one event per eventful sentence.
    assert!(
        scores.events_per_coded_snippet() <= 1.5,
        "{}: {:.2} events per coded sentence",
        floors.file,
        scores.events_per_coded_snippet()
    );
}

#[test]
fn dev_gold_set_scores_hold() {
    check(&DEV);
}

#[test]
fn dev2_gold_set_scores_hold() {
    check(&DEV2);
}
