//! Search over stored sentences and quotes: ranking, filters, snippets, odd input.

use chronicle_core::{
    ActorCode, Article, DatePrecision, Document, Event, EventActor, EventDateSource, Mention,
    MentionKind, Modality, Plover, Quote, Span, Stage,
};
use chronicle_nlp::Segmenter;
use chronicle_store::{HitKind, SearchQuery, SearchScope, Store};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn span_of(doc: &Document, phrase: &str) -> Span {
    let start = doc.text().find(phrase).expect(phrase);
    Span::new(start, start + phrase.len())
}

fn side(doc: &Document, phrase: &str, code: &str) -> EventActor {
    EventActor {
        text: phrase.into(),
        span: span_of(doc, phrase),
        actor: ActorCode::new(Some(&code[..3]), None, &code[3..]),
        mention: None,
    }
}

fn mention(doc: &Document, phrase: &str, code: &str) -> Mention {
    let span = span_of(doc, phrase);
    Mention {
        sentence: doc.sentence_at(span.start).unwrap(),
        tokens: (0, 1),
        span,
        text: phrase.into(),
        kind: MentionKind::Country,
        actor: ActorCode::new(Some(&code[..3]), None, &code[3..]),
        head: 0,
    }
}

/// An event `src → tgt` coded `cameo` on the sentence holding `trigger`.
fn event(
    doc: &Document,
    trigger: &str,
    (src, src_code): (&str, &str),
    (tgt, tgt_code): (&str, &str),
    cameo: &str,
    plover: &str,
    when: Option<NaiveDate>,
) -> Event {
    let trigger = span_of(doc, trigger);
    Event {
        sentence: doc.sentence_at(trigger.start).unwrap(),
        trigger,
        source: Some(side(doc, src, src_code)),
        target: Some(side(doc, tgt, tgt_code)),
        cameo: cameo.into(),
        cameo_name: format!("CAMEO {cameo}"),
        goldstein: -2.0,
        quad_class: 3,
        plover: Plover {
            event: Some(plover.into()),
            ..Default::default()
        },
        negated: false,
        modality: Modality::Asserted,
        date: when,
        date_precision: DatePrecision::Day,
        date_source: EventDateSource::Article,
        timex: None,
        quote: None,
        pattern: "test".into(),
        reports: 1,
    }
}

fn document(id: &str, published: Option<NaiveDate>, text: &str) -> Document {
    let mut doc = Document::new(Article {
        id: id.into(),
        origin: id.into(),
        date: published,
        text: text.into(),
        content_hash: format!("hash-{id}"),
        ..Default::default()
    });
    Segmenter::new().process(&mut doc);
    doc
}

/// Three stories: Iran (2021), farmers in Europe (2021, no events), Venezuela (2022).
fn store() -> Store {
    let mut iran = document(
        "tehran.txt",
        date(2021, 5, 10),
        "Iran said on Monday it would not return to the negotiating table without sanctions relief from Washington.\n\n\
         \"We will not negotiate under pressure,\" Foreign Minister Mohammad Javad Zarif told reporters in Tehran.\n\n\
         Oil prices rose after the remarks.",
    );
    iran.mentions = vec![
        mention(&iran, "Iran", "IRN"),
        mention(&iran, "Washington", "USA"),
    ];
    iran.events = vec![event(
        &iran,
        "would not return",
        ("Iran", "IRN"),
        ("Washington", "USA"),
        "1011",
        "DEMAND",
        date(2021, 5, 10),
    )];
    let content = span_of(&iran, "We will not negotiate under pressure,");
    // Built from JSON so that fields added to Quote later take their defaults.
    let quote = serde_json::json!({
        "sentence": 1,
        "content": content,
        "content_text": "We will not negotiate under pressure,",
        "kind": "direct",
        "speaker": side(&iran, "Foreign Minister Mohammad Javad Zarif", "IRNGOV"),
        "speaker_text": null,
        "cue": span_of(&iran, "told"),
        "fragments": [content],
    });
    iran.quotes = vec![serde_json::from_value::<Quote>(quote).unwrap()];

    let farmers = document(
        "brussels.txt",
        date(2021, 6, 2),
        "European agriculture ministers discussed relief for farmers hit by Russian sanctions on food imports.\n\n\
         The meeting in Brussels ended without agreement.",
    );

    let mut caracas = document(
        "caracas.txt",
        date(2022, 1, 15),
        "Venezuela sought sanctions relief in talks with U.S. envoys in Mexico City on Saturday.\n\n\
         The opposition said the government had not kept earlier promises.",
    );
    caracas.mentions = vec![mention(&caracas, "Venezuela", "VEN")];
    caracas.events = vec![event(
        &caracas,
        "sought",
        ("Venezuela", "VEN"),
        ("U.S. envoys", "USAGOV"),
        "0331",
        "REQUEST",
        date(2022, 1, 15),
    )];

    let mut store = Store::open_in_memory().unwrap();
    for doc in [iran, farmers, caracas] {
        store.insert_document(&doc).unwrap();
    }
    store
}

fn search(store: &Store, text: &str, tweak: impl FnOnce(&mut SearchQuery)) -> Vec<String> {
    let mut q = SearchQuery {
        text: text.into(),
        ..Default::default()
    };
    tweak(&mut q);
    store
        .search(&q)
        .unwrap()
        .into_iter()
        .map(|h| format!("{}#{}", h.doc, h.sentence))
        .collect()
}

#[test]
fn the_exact_phrase_ranks_first_and_loose_matches_follow() {
    let store = store();
    let hits = search(&store, "sanctions relief", |_| {});
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert_ne!(hits[0], "brussels.txt#0", "{hits:?}");
    assert_ne!(hits[1], "brussels.txt#0", "{hits:?}");
    assert_eq!(hits[2], "brussels.txt#0", "{hits:?}");
    // A quoted phrase excludes the sentence where the words are apart.
    let phrase = search(&store, "\"sanctions relief\"", |_| {});
    assert_eq!(phrase.len(), 2, "{phrase:?}");
    assert!(!phrase.contains(&"brussels.txt#0".to_string()));
}

#[test]
fn filters_narrow_by_actor_dyad_date_cameo_and_plover() {
    let store = store();
    let all = |tweak: fn(&mut SearchQuery)| search(&store, "sanctions", tweak);
    assert_eq!(all(|_| {}).len(), 3);
    assert_eq!(all(|q| q.actor = Some("irn".into())), ["tehran.txt#0"]);
    assert_eq!(all(|q| q.actor = Some("USA".into())).len(), 2);
    assert_eq!(
        all(|q| q.dyad = Some(("VEN".into(), "USA".into()))),
        ["caracas.txt#0"]
    );
    assert!(all(|q| q.dyad = Some(("USA".into(), "VEN".into()))).is_empty());
    assert_eq!(all(|q| q.from = date(2022, 1, 1)), ["caracas.txt#0"]);
    // The sentence without events is dated by its article.
    assert_eq!(
        all(|q| {
            q.from = date(2021, 6, 1);
            q.to = date(2021, 6, 30);
        }),
        ["brussels.txt#0"]
    );
    assert_eq!(all(|q| q.cameo = Some("10".into())), ["tehran.txt#0"]);
    assert_eq!(
        all(|q| q.plover = Some("request".into())),
        ["caracas.txt#0"]
    );
    // Event filters hold on one event: Iran's demand is not dated 2022.
    assert!(all(|q| {
        q.cameo = Some("10".into());
        q.from = date(2022, 1, 1);
    })
    .is_empty());
    // LIKE wildcards in codes are literal.
    assert!(all(|q| q.actor = Some("%".into())).is_empty());
}

#[test]
fn hits_carry_snippets_offsets_and_events() {
    let store = store();
    let hits = store
        .search(&SearchQuery {
            text: "negotiating table".into(),
            ..Default::default()
        })
        .unwrap();
    let hit = &hits[0];
    assert_eq!((hit.doc.as_str(), hit.sentence), ("tehran.txt", 0));
    assert!(
        hit.snippet.contains("the «negotiating table» without"),
        "{}",
        hit.snippet
    );
    assert!(hit.snippet_html.contains("<mark>negotiating table</mark>"));
    assert_eq!(hit.evidence[0], 0);
    assert_eq!(hit.evidence[1], hit.text.chars().count());
    assert_eq!(hit.events.len(), 1);
    assert_eq!(hit.events[0].cameo, "1011");
    assert_eq!(hit.events[0].source.as_deref(), Some("IRN"));
    assert!(hit.score > 0.0);
    let json = serde_json::to_value(hit).unwrap();
    assert_eq!(json["events"][0]["target"], "USA");
    assert_eq!(json["article_date"], "2021-05-10");
}

#[test]
fn odd_user_input_never_errors() {
    let store = store();
    for text in [
        "\"",
        "\"sanctions",
        "-sanctions",
        "sanctions -relief",
        "NOT",
        "sanctions NOT relief",
        "AND OR NEAR",
        "*",
        "sanc*",
        ":",
        "text:sanctions",
        "(relief",
        "relief)",
        "^relief",
        "{sanctions relief}",
        "санкции",
        "制裁 解除",
        "café’s \u{0}",
        "",
    ] {
        let q = SearchQuery {
            text: text.into(),
            scope: SearchScope::All,
            ..Default::default()
        };
        assert!(store.search(&q).is_ok(), "{text:?}");
    }
    assert_eq!(search(&store, "sanc*", |_| {}).len(), 3);
    assert_eq!(
        search(&store, "text:sanctions", |_| {}).len(),
        0,
        "a column filter is only FTS5 syntax with --raw"
    );
    // Raw mode is real FTS5 syntax; a syntax error is an error, not a panic.
    assert_eq!(
        search(&store, "sanctions NOT Venezuela", |q| q.raw = true).len(),
        2
    );
    let broken = SearchQuery {
        text: "\"unbalanced".into(),
        raw: true,
        ..Default::default()
    };
    assert!(store.search(&broken).is_err());
}

#[test]
fn quotes_are_searchable() {
    let store = store();
    let hits = store
        .search(&SearchQuery {
            text: "negotiate pressure".into(),
            scope: SearchScope::Quotes,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Quote);
    assert_eq!(hits[0].speaker.as_deref(), Some("IRNGOV"));
    assert!(
        hits[0].snippet.contains("«negotiate»"),
        "{}",
        hits[0].snippet
    );
    // Evidence points at the quote content in the article text.
    let doc = store.document("tehran.txt").unwrap().unwrap();
    let chars: Vec<char> = doc.text().chars().collect();
    let [s, e] = hits[0].evidence;
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "We will not negotiate under pressure,"
    );
    // Speaker codes satisfy the actor filter for quotes.
    let by_speaker = store
        .search(&SearchQuery {
            text: "pressure".into(),
            scope: SearchScope::All,
            actor: Some("IRNGOV".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(by_speaker.iter().any(|h| h.kind == HitKind::Quote));
    // Sentences only by default.
    assert!(search(&store, "negotiate pressure", |_| {})
        .iter()
        .all(|h| h == "tehran.txt#1"));
}
