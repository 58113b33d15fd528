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

/// An article by `outlet` that reports Pakistan's accusation of 3 March in its own words.
fn accusation_report(id: &str, outlet: &str, text: &str, negated: bool) -> Document {
    let mut doc = Document::new(Article {
        id: id.into(),
        origin: format!("wire/{id}"),
        outlet: Some(outlet.into()),
        date: NaiveDate::from_ymd_opt(2020, 3, 4),
        text: text.into(),
        content_hash: format!("hash of {id}"),
        ..Default::default()
    });
    Segmenter::new().process(&mut doc);
    let mut e = event(
        &doc,
        "accused",
        actor(&doc, "Pakistan", "PAK", "PAK", ""),
        actor(&doc, "India", "IND", "IND", ""),
        "112",
        3,
    );
    e.negated = negated;
    doc.events = vec![e];
    doc
}

#[test]
fn mentions_of_one_event_across_articles_form_one_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let mut store = Store::open(&path).unwrap();
    let mut original = sample();
    original.article.outlet = Some("Reuters".into());
    store.insert_document(&original).unwrap();
    store
        .insert_document(&accusation_report(
            "dawn.txt",
            "Dawn",
            "Pakistan on Tuesday accused India of shelling villages along the Line of Control, \
             the foreign office in Islamabad said.",
            false,
        ))
        .unwrap();
    store
        .insert_document(&accusation_report(
            "reuters-2.txt",
            "Reuters",
            "ISLAMABAD (Reuters) - Pakistan accused India of firing mortar rounds across \
             the de facto border in Kashmir on Tuesday, wounding four people.",
            false,
        ))
        .unwrap();
    // Denying an accusation is not making it: a story of its own.
    store
        .insert_document(&accusation_report(
            "denial.txt",
            "AFP",
            "Pakistan has not accused India of violating the ceasefire, a spokesman said on Tuesday.",
            true,
        ))
        .unwrap();

    let mentions = store.events(&EventFilter::default()).unwrap();
    assert_eq!(mentions.len(), 5);
    let accusations: Vec<_> = mentions
        .iter()
        .filter(|e| e.cameo == "112" && !e.negated)
        .collect();
    assert_eq!(accusations.len(), 3);
    let story = accusations[0].story.expect("a dated event has a story");
    assert!(accusations.iter().all(|e| e.story == Some(story)));
    assert_eq!(
        (story.mentions, story.sources, story.articles),
        (3, 2, 3),
        "two Reuters articles are one source"
    );

    let stories = store
        .events(&EventFilter {
            stories: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        stories.len(),
        3,
        "the appeal, the accusation and the denial"
    );
    assert_eq!(
        store
            .count_events(&EventFilter {
                stories: true,
                ..Default::default()
            })
            .unwrap(),
        3
    );
    let one = store.event(accusations[1].id.unwrap()).unwrap().unwrap();
    assert_eq!(one.story, Some(story));
    assert_eq!(store.story(story.id).unwrap(), Some(story));
    assert!(store.event(i64::MAX).unwrap().is_none());
    let evidence = store.story_events(story.id).unwrap();
    let docs: Vec<&str> = evidence.iter().map(|e| e.doc.as_str()).collect();
    assert_eq!(docs, ["delhi.txt", "dawn.txt", "reuters-2.txt"]);
    assert!(evidence[1].sentence.text.contains("Line of Control"));

    // Exports in story mode carry the other mentions' evidence.
    let mut seen = Vec::new();
    store
        .for_each_event::<chronicle_store::StoreError>(
            &EventFilter {
                stories: true,
                cameo: Some("112".into()),
                ..Default::default()
            },
            |e| {
                seen.push((e.record.negated, e.other_mentions.len()));
                Ok(())
            },
        )
        .unwrap();
    seen.sort();
    assert_eq!(seen, [(false, 2), (true, 0)]);
}

#[test]
fn upgrading_a_store_groups_its_events_into_stories() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.insert_document(&sample()).unwrap();
        store
            .insert_document(&accusation_report(
                "dawn.txt",
                "Dawn",
                "Pakistan on Tuesday accused India of shelling villages along the Line of Control.",
                false,
            ))
            .unwrap();
    }
    // Turn the file back into a version-3 store: no stories yet.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP INDEX events_story; ALTER TABLE events DROP COLUMN story_id; DROP TABLE stories;
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let events = store.events(&EventFilter::default()).unwrap();
    let accusations: Vec<_> = events.iter().filter(|e| e.cameo == "112").collect();
    assert_eq!(accusations.len(), 2);
    let story = accusations[0].story.unwrap();
    assert_eq!(accusations[1].story, Some(story));
    assert_eq!((story.mentions, story.articles), (2, 2));
}
