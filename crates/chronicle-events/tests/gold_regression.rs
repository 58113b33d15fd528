//! The development gold set (tests/gold/dev.json, 277 wire-style sentences in the PLOVER
//! gold-standard layout) through the full standard pipeline: parse, actors, quotes, events.
//! Fails when the dyad-level score drops, so regressions in any stage the coder relies on
//! are caught.

use std::path::Path;

use chronicle_pipeline::{eval::evaluate_events, Pipeline};

/// countries+root F1 measured (79.8), less three points.
const MIN_COUNTRY_ROOT_F1: f64 = 76.8;
/// Event-type (CAMEO root) F1 measured (86.3), less three points.
const MIN_ROOT_TYPE_F1: f64 = 83.3;

#[test]
fn dev_gold_set_scores_hold() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/dev.json");
    let scores = evaluate_events(&Pipeline::standard(), &gold).expect("dev gold set reads");
    assert_eq!(scores.snippets, 277);
    let f1 = scores.country_root.f1();
    assert!(
        f1 >= MIN_COUNTRY_ROOT_F1,
        "countries+root F1 {f1:.2} fell below {MIN_COUNTRY_ROOT_F1}\n{scores}"
    );
    let type_f1 = scores.root_type.f1();
    assert!(
        type_f1 >= MIN_ROOT_TYPE_F1,
        "event-type F1 {type_f1:.2} fell below {MIN_ROOT_TYPE_F1}\n{scores}"
    );
    // No over-coding: an expert records about one event per eventful sentence.
    assert!(
        scores.events_per_coded_snippet() <= 1.5,
        "{:.2} events per coded sentence",
        scores.events_per_coded_snippet()
    );
}
