//! `chronicle dyad`, `timeline` and `export` end to end on a small store, and their errors
//! for bad parameters.

use std::path::Path;
use std::process::{Command, Output};

use chronicle_core::record::{ActorRecord, EventRecord, Evidence, SentenceRecord};
use chronicle_core::{DatePrecision, EventDateSource, Modality, Plover};
use chronicle_store::{BulkArticle, Store};
use chrono::NaiveDate;

fn chronicle(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .arg("--db")
        .arg(db)
        .output()
        .expect("run chronicle")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[allow(clippy::too_many_arguments)] // a row of test data, named by position
fn event(
    doc: &str,
    date: &str,
    source: &str,
    target: &str,
    cameo: &str,
    goldstein: f32,
    quad: u8,
    text: &str,
) -> EventRecord {
    let actor = |code: &str| ActorRecord {
        text: code.to_owned(),
        code: code.to_owned(),
        country: Some(code[..3].to_owned()),
        agent: code.get(3..).filter(|a| !a.is_empty()).map(str::to_owned),
    };
    EventRecord {
        doc: doc.into(),
        article_date: date.parse().ok(),
        date: date.parse().ok(),
        date_precision: DatePrecision::Day,
        date_source: EventDateSource::Article,
        source: Some(actor(source)),
        target: Some(actor(target)),
        cameo: cameo.into(),
        cameo_name: format!("code {cameo}"),
        goldstein,
        quad_class: quad,
        plover: Plover {
            event: Some("CONSULT".into()),
            mode: None,
            context: None,
        },
        negated: false,
        modality: Modality::Asserted,
        trigger: "met".into(),
        timex: None,
        sentence: SentenceRecord {
            index: 0,
            text: text.into(),
        },
        evidence: Evidence {
            sentence: [0, text.chars().count()],
            trigger: [0, 3],
            source: None,
            target: None,
            timex: None,
        },
        pattern: "test".into(),
        reports: 1,
        id: None,
        story: None,
    }
}

fn store(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("analytics.db");
    let mut store = Store::open(&path).unwrap();
    let article = |doc: &str, outlet: &str, date: &str, events: Vec<EventRecord>| BulkArticle {
        doc: doc.into(),
        title: None,
        outlet: Some(outlet.into()),
        url: None,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        content_hash: doc.into(),
        events,
    };
    store
        .bulk_insert([
            article("ap-1", "AP", "2022-05-03", vec![event("ap-1", "2022-05-03", "RUSGOV", "UKRGOV", "190", -10.0, 4,
                "Russian forces shelled the outskirts of Kharkiv on Tuesday, Ukrainian officials said.")]),
            article("dw-2", "DW", "2022-07-22", vec![event("dw-2", "2022-07-22", "RUS", "UKR", "057", 8.0, 1,
                "Russia and Ukraine signed a deal in Istanbul to let grain ships leave Black Sea ports.")]),
            article("bbc-3", "BBC", "2022-07-22", vec![event("bbc-3", "2022-07-22", "UKRGOV", "RUSGOV", "057", 8.0, 1,
                "Kyiv and Moscow signed separate accords with Turkey and the United Nations on grain exports.")]),
        ])
        .unwrap();
    path
}

#[test]
fn dyad_prints_series_and_draws_svg() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let svg = dir.path().join("rus-ukr.svg");
    let o = chronicle(
        &db,
        &[
            "dyad",
            "RUS",
            "UKR",
            "--by",
            "month",
            "--format",
            "csv",
            "--plot",
            svg.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    let rows: Vec<&str> = csv.lines().collect();
    // Header, then May, June (no events) and July 2022.
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows[1].starts_with("2022-05,2022-05-01,2022-05-31,1,0,0,0,1,-10.00,-10.00,"));
    assert!(rows[2].starts_with("2022-06,2022-06-01,2022-06-30,0,0,0,0,0,0.00,,"));
    assert!(rows[3].starts_with("2022-07,2022-07-01,2022-07-31,1,1,0,0,0,8.00,8.00,"));
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.contains("<svg") && chart.contains("RUS → UKR, by month"));

    let both = chronicle(
        &db,
        &[
            "dyad",
            "rus",
            "ukr",
            "--by",
            "year",
            "--undirected",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&both.stdout).unwrap();
    assert_eq!(json["periods"][0]["events"], 3);
    assert_eq!(json["periods"][0]["verbal_cooperation"], 2);
}

#[test]
fn timeline_and_exports_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let o = chronicle(
        &db,
        &[
            "timeline",
            "--actor",
            "UKR",
            "--max-dates",
            "1",
            "--format",
            "md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("## 2022-07-22 — 2 articles, 2 outlets"), "{md}");
    assert!(!md.contains("2022-05-03"));

    let o = chronicle(&db, &["export", "--format", "gdelt", "--dyad", "RUS:UKR"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.split('\t').count() == 61));

    let parquet = dir.path().join("events.parquet");
    let o = chronicle(
        &db,
        &[
            "export",
            "--format",
            "parquet",
            "-o",
            parquet.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(&std::fs::read(&parquet).unwrap()[..4], b"PAR1");

    let o = chronicle(&db, &["export", "--format", "plover", "--actor", "UKR"]);
    assert_eq!(stdout(&o).lines().count(), 3);
}

#[test]
fn bad_parameters_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let cases: &[(&[&str], &str)] = &[
        (
            &["dyad", "RUS", "UKR", "--by", "fortnight"],
            "expected day, week, month or year",
        ),
        (
            &["dyad", "RUS", "UKR", "--from", "2022-02-30"],
            "expected YYYY-MM-DD",
        ),
        (
            &[
                "dyad",
                "RUS",
                "UKR",
                "--from",
                "2022-08-01",
                "--to",
                "2022-01-01",
            ],
            "is after --to",
        ),
        (
            &["dyad", "RUS", "UKR", "--plot", "chart.jpg"],
            "must end in .svg or .png",
        ),
        (&["timeline", "--dyad", "RUS-UKR"], "expected SOURCE:TARGET"),
        (
            &["export", "--format", "gdelt", "--dyad", "RUSUKR"],
            "expected SOURCE:TARGET",
        ),
        (&["export", "--format", "xml"], "invalid value 'xml'"),
    ];
    for (args, message) in cases {
        let o = chronicle(&db, args);
        assert!(!o.status.success(), "{args:?} should fail");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    let missing = dir.path().join("none.db");
    let o = chronicle(&missing, &["timeline", "--actor", "USA"]);
    assert!(stderr(&o).contains("no database at"));
    assert!(!missing.exists());
}
