use chronicle_core::{
    ActorCode, Article, DatePrecision, Document, Event, EventActor, EventDateSource, Modality,
    Plover, Span, Stage,
};
use chronicle_nlp::Segmenter;
use chronicle_store::{EventFilter, InsertOutcome, Store};
use chrono::NaiveDate;

fn actor(doc: &Document, phrase: &str, code: &str, country: &str, agent: &str) -> EventActor {
    let start = doc.text().find(phrase).unwrap();
    EventActor {
        text: phrase.to_owned(),
        span: Span::new(start, start + phrase.len()),
        actor: ActorCode::new(
            Some(country),
            Some(agent),
            &code[country.len() + agent.len()..],
        ),
        mention: None,
    }
}

fn event(
    doc: &Document,
    trigger: &str,
    src: EventActor,
    tgt: EventActor,
    cameo: &str,
    day: u32,
) -> Event {
    let start = doc.text().find(trigger).unwrap();
    let span = Span::new(start, start + trigger.len());
    Event {
        sentence: doc.sentence_at(start).unwrap(),
        trigger: span,
        source: Some(src),
        target: Some(tgt),
        cameo: cameo.to_owned(),
        cameo_name: format!("name of {cameo}"),
        goldstein: if cameo.starts_with('1') { -4.0 } else { 3.0 },
        quad_class: if cameo.starts_with('1') { 3 } else { 1 },
        plover: Plover {
            event: Some(
                if cameo.starts_with('1') {
                    "ACCUSE"
                } else {
                    "REQUEST"
                }
                .into(),
            ),
            ..Default::default()
        },
        negated: false,
        modality: Modality::Asserted,
        date: NaiveDate::from_ymd_opt(2020, 3, day),
        date_precision: DatePrecision::Day,
        date_source: EventDateSource::Relative,
        timex: None,
        quote: None,
        pattern: "test".into(),
        reports: 1,
    }
}

fn sample() -> Document {
    let text = "Indian Foreign Minister Rao urged Pakistan to hold talks on Monday.\n\n\
                Pakistan accused India of shelling border villages on Tuesday.";
    let mut doc = Document::new(Article {
        id: "delhi.txt".into(),
        origin: "examples/delhi.txt".into(),
        date: NaiveDate::from_ymd_opt(2020, 3, 4),
        text: text.into(),
        content_hash: "abc123".into(),
        ..Default::default()
    });
    Segmenter::new().process(&mut doc);
    let e1 = event(
        &doc,
        "urged",
        actor(&doc, "Indian Foreign Minister Rao", "INDGOV", "IND", "GOV"),
        actor(&doc, "Pakistan", "PAK", "PAK", ""),
        "020",
        2,
    );
    let e2 = event(
        &doc,
        "accused",
        actor(&doc, "Pakistan accused", "PAK", "PAK", ""),
        actor(&doc, "India of", "IND", "IND", ""),
        "112",
        3,
    );
    doc.events = vec![e1, e2];
    doc
}

#[test]
fn insert_is_idempotent_and_queries_filter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let doc = sample();
    {
        let mut store = Store::open(&path).unwrap();
        assert!(matches!(
            store.insert_document(&doc).unwrap(),
            InsertOutcome::Inserted(_)
        ));
        assert!(matches!(
            store.insert_document(&doc).unwrap(),
            InsertOutcome::Skipped(_)
        ));
    }
    // Reopen: data survives and migrations do not re-run.
    let store = Store::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.sentences, stats.events), (1, 2, 2));

    let all = store.events(&EventFilter::default()).unwrap();
    assert_eq!(
        all.iter().map(|e| e.cameo.as_str()).collect::<Vec<_>>(),
        ["020", "112"]
    );
    assert_eq!(all[0].source.as_ref().unwrap().code, "INDGOV");
    assert_eq!(
        all[0].sentence.text,
        "Indian Foreign Minister Rao urged Pakistan to hold talks on Monday."
    );

    let by_actor = store
        .events(&EventFilter {
            actor: Some("IND".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_actor.len(), 2);
    let dyad = store
        .events(&EventFilter {
            dyad: Some(("PAK".into(), "IND".into())),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(dyad.len(), 1);
    assert_eq!(dyad[0].cameo, "112");
    let cameo = store
        .events(&EventFilter {
            cameo: Some("02".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(cameo.len(), 1);
    let dated = store
        .events(&EventFilter {
            from: NaiveDate::from_ymd_opt(2020, 3, 3),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(dated.len(), 1);
    let plover = store
        .events(&EventFilter {
            plover: Some("accuse".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(plover.len(), 1);
    // Wildcards in user input are literal, never patterns.
    let none = store
        .events(&EventFilter {
            actor: Some("%".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty());

    let back = store.document("delhi.txt").unwrap().unwrap();
    assert_eq!(back.events.len(), 2);
    assert_eq!(back.sentences.len(), 2);
    assert!(store.document("missing.txt").unwrap().is_none());

    let hits = store
        .search(&chronicle_store::SearchQuery {
            text: "shelling".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].sentence, 1);
    let articles = store.articles().unwrap();
    assert_eq!(articles[0].events, 2);
}

#[test]
fn a_newer_schema_is_refused_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&path).err().expect("must refuse");
    assert!(err.to_string().contains("newer"), "{err}");
}
