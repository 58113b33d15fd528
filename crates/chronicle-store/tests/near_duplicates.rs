//! Near-duplicate articles: syndicated copies are linked to the first stored original and
//! counted once; different stories on the same topic are not linked.

use chronicle_core::{
    ActorCode, Article, DatePrecision, Document, Event, EventActor, EventDateSource, Modality,
    Plover, Span, Stage,
};
use chronicle_nlp::Segmenter;
use chronicle_store::{EventFilter, InsertOutcome, Store};
use chrono::NaiveDate;

const BODY: &[&str] = &[
    "Ethiopia and Egypt agreed on Tuesday to resume talks over the Grand Ethiopian Renaissance Dam after a year-long pause, the African Union said in a statement.",
    "The two governments will send technical delegations to Kinshasa next month, the statement said, adding that Sudan had also been invited to take part.",
    "Egypt, which relies on the Nile for nearly all of its fresh water, has long demanded a legally binding agreement on how the reservoir is filled and operated.",
    "Ethiopia says the dam, which it began building in 2011, is essential to bring electricity to millions of its citizens and to its economic development.",
    "\"We are ready to negotiate in good faith and reach a fair deal,\" Ethiopian Foreign Ministry spokesman Dina Mufti told a news conference in Addis Ababa.",
    "Egyptian Foreign Minister Sameh Shoukry said Cairo would judge the talks by their results and would not accept further unilateral filling of the reservoir.",
    "The African Union has mediated between the three countries since 2020, but previous rounds collapsed amid disputes over drought provisions and arbitration.",
    "Sudan, which lies downstream of the dam, has warned that its own Roseires dam could be endangered if data on water releases is not shared in time.",
];

fn story(byline: &str, paragraphs: &[&str]) -> String {
    let mut text = format!("{byline}\n\n");
    text.push_str(&paragraphs.join("\n\n"));
    text
}

fn document(id: &str, text: &str) -> Document {
    let mut doc = Document::new(Article {
        id: id.into(),
        origin: id.into(),
        date: NaiveDate::from_ymd_opt(2021, 4, 6),
        content_hash: format!("hash-of-{id}"),
        text: text.into(),
        ..Default::default()
    });
    Segmenter::new().process(&mut doc);
    let trigger = doc.text().find("agreed").unwrap();
    let actor = |phrase: &str, code: &str| {
        let start = doc.text().find(phrase).unwrap();
        EventActor {
            text: phrase.into(),
            span: Span::new(start, start + phrase.len()),
            actor: ActorCode::new(Some(code), None, ""),
            mention: None,
        }
    };
    let event = Event {
        sentence: doc.sentence_at(trigger).unwrap(),
        trigger: Span::new(trigger, trigger + "agreed".len()),
        source: Some(actor("Ethiopia", "ETH")),
        target: Some(actor("Egypt", "EGY")),
        cameo: "036".into(),
        cameo_name: "Express intent to meet or negotiate".into(),
        goldstein: 4.0,
        quad_class: 1,
        plover: Plover::default(),
        negated: false,
        modality: Modality::Asserted,
        date: NaiveDate::from_ymd_opt(2021, 4, 6),
        date_precision: DatePrecision::Day,
        date_source: EventDateSource::Relative,
        timex: None,
        quote: None,
        pattern: "test".into(),
        reports: 1,
    };
    doc.events = vec![event];
    doc
}

fn inserted(store: &mut Store, doc: &Document) -> i64 {
    match store.insert_document(doc).unwrap() {
        InsertOutcome::Inserted(id) => id,
        InsertOutcome::Skipped(id) => panic!("{} skipped as {id}", doc.article.id),
    }
}

fn copies() -> (Document, Document, Document, Document) {
    let original = document(
        "reuters-gerd.txt",
        &story("By Giulia Paravicini and Aidan Lewis", BODY),
    );
    // A syndicated copy: another byline, the last paragraph dropped, one word changed.
    let mut edited: Vec<String> = BODY[..BODY.len() - 1]
        .iter()
        .map(|p| p.to_string())
        .collect();
    edited[1] = edited[1].replace("next month", "in May");
    let edited: Vec<&str> = edited.iter().map(String::as_str).collect();
    let syndicated = document(
        "gerd-syndicated.txt",
        &story("Reuters staff | Updated 2 hours ago", &edited),
    );
    // A re-crawl of the copy with a trailing newsletter line the cleaner kept.
    let mut recrawl = story("Reuters staff", &edited);
    recrawl.push_str("\n\nSign up for our Africa newsletter.");
    let recrawl = document("gerd-recrawl.txt", &recrawl);
    // The same topic the next week, written independently.
    let other = document(
        "ap-gerd.txt",
        "ADDIS ABABA, Ethiopia (AP) — Talks between Ethiopia and Egypt over the Nile dam ended without agreement on Sunday, the African Union said.\n\n\
         Egypt agreed to consider a new proposal on drought years, but Ethiopian officials said they would start the second filling of the reservoir in July regardless.\n\n\
         Sudan's irrigation minister said his country would ask the United Nations Security Council to intervene if no deal was reached before the rainy season.\n\n\
         Egypt's president has said that all options remain open, while Ethiopia insists the dam will not significantly reduce downstream water supplies.",
    );
    (original, syndicated, recrawl, other)
}

#[test]
fn syndicated_copies_are_linked_and_counted_once() {
    let mut store = Store::open_in_memory().unwrap();
    let (original, syndicated, recrawl, other) = copies();
    let original_id = inserted(&mut store, &original);
    inserted(&mut store, &syndicated);
    inserted(&mut store, &recrawl);
    inserted(&mut store, &other);

    let links = store
        .near_duplicates("gerd-syndicated.txt")
        .unwrap()
        .unwrap();
    let link = links.duplicate_of.expect("the copy is linked");
    assert_eq!(link.id, original_id);
    assert_eq!(link.doc, "reuters-gerd.txt");
    // Below 0.8 Jaccard (byline, edit and last paragraph), but wholly inside the original.
    assert!(link.similarity > 0.6 && link.similarity < 0.9, "{link:?}");
    // A copy of the copy points at the first original too.
    let recrawled = store.near_duplicates("gerd-recrawl.txt").unwrap().unwrap();
    assert_eq!(recrawled.duplicate_of.unwrap().doc, "reuters-gerd.txt");
    // The independent story on the same topic is not a duplicate.
    let independent = store.near_duplicates("ap-gerd.txt").unwrap().unwrap();
    assert!(independent.duplicate_of.is_none());
    assert!(independent.copies.is_empty());
    let of_original = store.near_duplicates("reuters-gerd.txt").unwrap().unwrap();
    assert!(of_original.duplicate_of.is_none());
    let docs: Vec<_> = of_original.copies.iter().map(|c| c.doc.as_str()).collect();
    assert_eq!(docs, ["gerd-syndicated.txt", "gerd-recrawl.txt"]);

    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.duplicates), (2, 2));
    assert_eq!(stats.events, 2, "each story's event counted once");
    assert_eq!(store.events(&EventFilter::default()).unwrap().len(), 2);
    let everything = EventFilter {
        include_duplicates: true,
        ..Default::default()
    };
    assert_eq!(store.events(&everything).unwrap().len(), 4);
    let listed = store.articles().unwrap();
    let copy = listed
        .iter()
        .find(|a| a.doc == "gerd-syndicated.txt")
        .unwrap();
    assert_eq!(copy.duplicate_of.as_deref(), Some("reuters-gerd.txt"));

    // Re-inserting the same content is still a no-op.
    assert!(matches!(
        store.insert_document(&syndicated).unwrap(),
        InsertOutcome::Skipped(_)
    ));
    assert_eq!(store.stats().unwrap().duplicates, 2);
}

#[test]
fn articles_stored_before_signatures_are_indexed_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let (original, syndicated, _, other) = copies();
    {
        let mut store = Store::open(&path).unwrap();
        for doc in [&original, &syndicated, &other] {
            inserted(&mut store, doc);
        }
    }
    // Simulate a database written before near-duplicate detection.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DELETE FROM article_bands; DELETE FROM article_signatures;
         UPDATE articles SET duplicate_of = NULL, duplicate_similarity = NULL;",
    )
    .unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().duplicates, 0);
    assert_eq!(store.index_unsigned_articles().unwrap(), 3);
    assert_eq!(store.index_unsigned_articles().unwrap(), 0);
    let link = store
        .near_duplicates("gerd-syndicated.txt")
        .unwrap()
        .unwrap()
        .duplicate_of
        .unwrap();
    assert_eq!(link.doc, "reuters-gerd.txt");
    assert_eq!(store.stats().unwrap().duplicates, 1);
}

#[test]
fn search_skips_copies_unless_asked() {
    let mut store = Store::open_in_memory().unwrap();
    let (original, syndicated, _, _) = copies();
    inserted(&mut store, &original);
    inserted(&mut store, &syndicated);
    let mut q = chronicle_store::SearchQuery {
        text: "Roseires".into(),
        ..Default::default()
    };
    assert_eq!(store.search(&q).unwrap().len(), 1);
    q.text = "technical delegations Kinshasa".into();
    assert_eq!(store.search(&q).unwrap().len(), 1);
    q.include_duplicates = true;
    assert_eq!(store.search(&q).unwrap().len(), 2);
}
