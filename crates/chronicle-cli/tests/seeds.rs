//! The real binary on the five crawled seed articles in ../shared/seeds: publication dates,
//! and concrete events an expert coder would record.

use std::process::Command;

use serde_json::Value;

fn seeds_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn code(path: &std::path::Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["code", path.to_str().unwrap()])
        .output()
        .expect("run chronicle");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSONL"))
        .collect()
}

fn seed(prefix: &str) -> Vec<Value> {
    let dir = seeds_dir();
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap();
    code(&file)
}

fn country(side: &Value) -> &str {
    side.get("country").and_then(Value::as_str).unwrap_or("")
}

/// Finds an event by source/target country, CAMEO prefix and a word of its sentence.
fn find<'a>(
    events: &'a [Value],
    src: &str,
    tgt: &str,
    cameo: &str,
    word: &str,
) -> Option<&'a Value> {
    events.iter().find(|e| {
        country(&e["source"]) == src
            && country(&e["target"]) == tgt
            && e["cameo"].as_str().unwrap().starts_with(cameo)
            && e["sentence"]["text"].as_str().unwrap().contains(word)
    })
}

fn describe(events: &[Value]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {}→{} {} [{}] {}",
                e["date"],
                e["source"]["code"],
                e["target"]["code"],
                e["cameo"],
                e["trigger"],
                e["sentence"]["text"]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn publication_dates_of_all_seeds() {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["code", "--format", "jsonl", seeds_dir().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let events: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (prefix, date) in [
        ("000_", "2019-12-11"),
        ("001_", "2017-12-15"),
        ("002_", "2019-12-20"),
        ("003_", "2021-06-21"),
        ("004_", "2012-01-31"),
    ] {
        let of_seed: Vec<&Value> = events
            .iter()
            .filter(|e| e["doc"].as_str().unwrap().starts_with(prefix))
            .collect();
        assert!(!of_seed.is_empty(), "no events for seed {prefix}");
        assert!(
            of_seed.iter().all(|e| e["article_date"] == date),
            "seed {prefix} article_date != {date}"
        );
    }
}

#[test]
fn us_secretary_of_state_urges_north_korea_dated_by_weekday() {
    let events = seed("000_");
    let e = find(&events, "USA", "PRK", "02", "refrain")
        .unwrap_or_else(|| panic!("no USA→PRK appeal in:\n{}", describe(&events)));
    assert_eq!(e["source"]["code"], "USAGOV");
    // "in Washington Tuesday", article dated Wednesday 2019-12-11.
    assert_eq!(e["date"], "2019-12-10", "{e}");
    assert_eq!(e["date_source"], "relative");
    // North Korea "on Sunday said" → the Sunday before.
    let said = events
        .iter()
        .find(|e| {
            country(&e["source"]) == "PRK"
                && e["sentence"]["text"]
                    .as_str()
                    .unwrap()
                    .contains("on Sunday")
        })
        .unwrap_or_else(|| panic!("no PRK event on Sunday in:\n{}", describe(&events)));
    assert_eq!(said["date"], "2019-12-08");
}

#[test]
fn tillerson_urges_china_and_russia_one_event_each() {
    let events = seed("001_");
    for tgt in ["CHN", "RUS"] {
        let e = find(&events, "USA", tgt, "02", "increase pressure")
            .unwrap_or_else(|| panic!("no USA→{tgt} appeal in:\n{}", describe(&events)));
        assert_eq!(e["date"], "2017-12-15");
    }
    // The missile test paragraph is military posture, never an attack (19x/20x).
    assert!(
        !events
            .iter()
            .any(|e| e["cameo"].as_str().unwrap().starts_with("19")
                && e["sentence"]["text"]
                    .as_str()
                    .unwrap()
                    .contains("missile tests")),
        "missile tests coded as an attack:\n{}",
        describe(&events)
    );
}

#[test]
fn every_event_has_evidence_inside_its_sentence() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        for e in seed(prefix) {
            let s = &e["evidence"]["sentence"];
            let (ss, se) = (s[0].as_u64().unwrap(), s[1].as_u64().unwrap());
            let text = e["sentence"]["text"].as_str().unwrap();
            assert_eq!(
                text.chars().count() as u64,
                se - ss,
                "sentence offsets are in characters: {e}"
            );
            let t = &e["evidence"]["trigger"];
            assert!(
                ss <= t[0].as_u64().unwrap() && t[1].as_u64().unwrap() <= se,
                "{e}"
            );
            assert!(
                e["goldstein"].is_number() && (1..=4).contains(&e["quad_class"].as_u64().unwrap()),
                "{e}"
            );
            assert_ne!(e["source"]["code"], e["target"]["code"], "self-dyad: {e}");
        }
    }
}
