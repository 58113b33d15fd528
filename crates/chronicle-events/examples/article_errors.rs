//! Runs the standard pipeline over the whole-article dev set and prints, per article, the
//! gold events missed and the coded events matching no gold event (root + countries), with
//! the sentence of each coded event.
//!
//! `cargo run --release -p chronicle-events --example article_errors -- crates/chronicle-events/tests/articles [d07.txt]`

use chronicle_core::EventActor;
use chronicle_pipeline::Pipeline;

fn country(code: &str) -> &str {
    let n = if code.starts_with("IGO") || code.starts_with("NGO") {
        6
    } else {
        3
    };
    code.get(..n).unwrap_or(code)
}

fn same(g: &(String, String, String), p: &(String, String, String)) -> bool {
    g.2.get(..2) == p.2.get(..2)
        && ((country(&g.0) == country(&p.0) && country(&g.1) == country(&p.1))
            || (["04", "05", "06"].contains(&g.2.get(..2).unwrap_or(""))
                && country(&g.0) == country(&p.1)
                && country(&g.1) == country(&p.0)))
}

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: DIR [DOC]"));
    let only = std::env::args().nth(2);
    let gold = std::fs::read_to_string(dir.join("gold.jsonl")).expect("gold.jsonl");
    let pipeline = Pipeline::standard();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).expect("json");
        let doc_name = g["doc"].as_str().unwrap_or_default().to_owned();
        if only.as_ref().is_some_and(|o| *o != doc_name) {
            continue;
        }
        let source = chronicle_ingest::InputSource::File(dir.join(&doc_name));
        let Some(Ok(article)) =
            chronicle_ingest::read_source(&source, &chronicle_ingest::ReadOptions::default())
                .next()
        else {
            continue;
        };
        let doc = pipeline.run(article);
        let code =
            |a: &Option<EventActor>| a.as_ref().map(|a| a.actor.code.clone()).unwrap_or_default();
        let gold_events: Vec<(String, String, String, bool, String)> = g["events"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e["source"].as_str().unwrap_or_default().to_owned(),
                    e["target"].as_str().unwrap_or_default().to_owned(),
                    e["cameo"].as_str().unwrap_or_default().to_owned(),
                    e["key"].as_bool().unwrap_or(false),
                    e["trigger"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        println!("===== {doc_name}");
        let pred: Vec<_> = doc
            .events
            .iter()
            .filter(|e| {
                !e.negated
                    && !matches!(
                        e.modality,
                        chronicle_core::Modality::Negated | chronicle_core::Modality::Hypothetical
                    )
            })
            .collect();
        let keys: Vec<_> = pred
            .iter()
            .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
            .collect();
        for (s, t, c, key, trig) in &gold_events {
            let gk = (s.clone(), t.clone(), c.clone());
            if !keys.iter().any(|p| same(&gk, p)) {
                println!(
                    "  MISS{} {c} {s} -> {t} | {trig}",
                    if *key { "*" } else { " " }
                );
            }
        }
        for (e, k) in pred.iter().zip(&keys) {
            let ok = gold_events
                .iter()
                .any(|(s, t, c, _, _)| same(&(s.clone(), t.clone(), c.clone()), k));
            let trig = doc
                .article
                .text
                .get(e.trigger.start..e.trigger.end)
                .unwrap_or("");
            println!(
                "  {} {} {} -> {} | {} ",
                if ok { "ok  " } else { "FP  " },
                k.2,
                k.0,
                k.1,
                trig
            );
        }
    }
}
