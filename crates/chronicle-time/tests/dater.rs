//! The event-dating stage on hand-built events over real segmented text.

mod common;

use chronicle_core::{
    DatePrecision, Document, Event, EventDateSource, Modality, Plover, Span, Stage,
};
use chronicle_time::EventDater;
use common::{date, tagged};

/// An event whose trigger is the `nth` occurrence of `word` in the document.
fn event_on(doc: &Document, word: &str, nth: usize) -> Event {
    let start = doc
        .text()
        .match_indices(word)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no {word:?}"));
    let trigger = Span::new(start, start + word.len());
    Event {
        sentence: doc.sentence_at(start).expect("trigger in a sentence"),
        trigger,
        source: None,
        target: None,
        cameo: "040".into(),
        cameo_name: "Consult".into(),
        goldstein: 1.0,
        quad_class: 1,
        plover: Plover::default(),
        negated: false,
        modality: Modality::Asserted,
        date: None,
        date_precision: DatePrecision::Unknown,
        date_source: EventDateSource::Unknown,
        timex: None,
        quote: None,
        pattern: "test".into(),
        reports: 1,
    }
}

fn dated(mut doc: Document, triggers: &[(&str, usize)]) -> Vec<Event> {
    let events: Vec<Event> = triggers
        .iter()
        .map(|(w, n)| event_on(&doc, w, *n))
        .collect();
    doc.events = events;
    EventDater::new().process(&mut doc);
    doc.events
}

/// Fills the first sentence's parse by hand: every listed word gets its head word,
/// relation and tag; `root` heads everything else as punctuation.
fn parse_by_hand(doc: &mut Document, root: &str, heads: &[(&str, &str, &str, &str)]) {
    let words: Vec<String> = doc.sentences[0]
        .tokens
        .iter()
        .map(|t| t.text.clone())
        .collect();
    let at = |w: &str| words.iter().position(|x| x == w).unwrap();
    let root = at(root);
    for t in &mut doc.sentences[0].tokens {
        t.xpos = ".".into();
        t.deprel = "punct".into();
        t.head = Some(root);
    }
    for (w, h, rel, tag) in heads {
        let (i, hi) = (at(w), at(h));
        let t = &mut doc.sentences[0].tokens[i];
        t.head = Some(hi);
        t.deprel = (*rel).into();
        t.xpos = (*tag).into();
    }
    let tok = &mut doc.sentences[0].tokens[root];
    tok.head = None;
    tok.deprel = "root".into();
    tok.xpos = "VBD".into();
}

#[test]
fn each_clause_gets_its_own_day() {
    let doc = tagged(
        "North Korea's foreign ministry said on Monday that Pompeo would visit Pyongyang on Friday.",
        Some("2019-12-11"),
    );
    let events = dated(doc.clone(), &[("said", 0), ("visit", 0)]);
    assert_eq!(events[0].date, Some(date("2019-12-09")));
    assert_eq!(events[0].date_source, EventDateSource::Relative);
    assert_eq!(events[0].date_precision, DatePrecision::Day);
    assert_eq!(doc.timexes[events[0].timex.unwrap()].text, "Monday");
    assert_eq!(events[1].date, Some(date("2019-12-13")));
    assert_eq!(doc.timexes[events[1].timex.unwrap()].text, "Friday");
}

#[test]
fn time_before_the_verb_in_the_same_clause() {
    let doc = tagged(
        "Claiming the end of talks with the U.S., North Korea on Sunday said it carried out an important test.",
        Some("2019-12-11"),
    );
    let events = dated(doc, &[("said", 0), ("carried out", 0)]);
    assert_eq!(events[0].date, Some(date("2019-12-08")));
    // "carried out" has no time expression in its own clause: the article's date.
    assert_eq!(events[1].date, Some(date("2019-12-11")));
    assert_eq!(events[1].date_source, EventDateSource::Article);
    assert_eq!(events[1].timex, None);
}

#[test]
fn historical_background_keeps_its_month() {
    let doc = tagged(
        "Before his death in December, North Korea's longtime leader Kim Jong Il said Pyongyang was ready to return to six-party talks.",
        Some("2012-01-31"),
    );
    let events = dated(doc, &[("said", 0)]);
    assert_eq!(events[0].date, Some(date("2011-12-01")));
    assert_eq!(events[0].date_precision, DatePrecision::Month);
    assert_eq!(events[0].date_source, EventDateSource::Relative);
}

#[test]
fn explicit_dates_durations_and_missing_dates() {
    let doc = tagged(
        "The envoys met on Dec. 10, 2019 in Geneva. The two sides negotiated for three hours. \
         Seoul urged Pyongyang to resume talks.",
        Some("2019-12-20"),
    );
    let events = dated(doc, &[("met", 0), ("negotiated", 0), ("urged", 0)]);
    assert_eq!(events[0].date, Some(date("2019-12-10")));
    assert_eq!(events[0].date_source, EventDateSource::Explicit);
    // A duration never dates an event.
    assert_eq!(events[1].date_source, EventDateSource::Article);
    assert_eq!(events[1].date, Some(date("2019-12-20")));
    assert_eq!(events[2].date_precision, DatePrecision::Day);

    let undated = tagged("Seoul urged Pyongyang to resume talks on Sunday.", None);
    let events = dated(undated, &[("urged", 0)]);
    assert_eq!(events[0].date, None);
    assert_eq!(events[0].date_source, EventDateSource::Unknown);
    assert_eq!(events[0].date_precision, DatePrecision::Unknown);
}

#[test]
fn a_deadline_does_not_date_the_act_that_sets_it() {
    let doc = tagged(
        "Washington gave Ankara until July 31 to cancel the deal or leave the programme.",
        Some("2019-07-16"),
    );
    let events = dated(doc, &[("gave", 0)]);
    assert_eq!(events[0].date, Some(date("2019-07-16")));
    assert_eq!(events[0].date_source, EventDateSource::Article);
}

#[test]
fn already_dated_events_are_kept() {
    let doc = tagged("Officials met on Monday.", Some("2019-12-11"));
    let mut event = event_on(&doc, "met", 0);
    event.date = Some(date("2001-01-01"));
    event.date_source = EventDateSource::Explicit;
    let mut doc = doc;
    doc.events = vec![event];
    EventDater::new().process(&mut doc);
    assert_eq!(doc.events[0].date, Some(date("2001-01-01")));
}

#[test]
fn follows_the_parse_when_heads_are_filled() {
    // "Pyongyang on Sunday , in a statement carried by state media , said it would respond ."
    let mut doc = tagged(
        "Pyongyang on Sunday, in a statement carried by state media, said it would respond.",
        Some("2019-12-11"),
    );
    parse_by_hand(
        &mut doc,
        "said",
        &[
            ("Pyongyang", "said", "nsubj", "NNP"),
            ("on", "Sunday", "case", "IN"),
            ("Sunday", "said", "obl", "NNP"),
            ("in", "statement", "case", "IN"),
            ("a", "statement", "det", "DT"),
            ("statement", "said", "obl", "NN"),
            ("carried", "statement", "acl", "VBN"),
            ("by", "media", "case", "IN"),
            ("state", "media", "compound", "NN"),
            ("media", "carried", "obl", "NNS"),
            ("it", "respond", "nsubj", "PRP"),
            ("would", "respond", "aux", "MD"),
            ("respond", "said", "ccomp", "VB"),
        ],
    );

    let events = dated(doc, &[("said", 0), ("respond", 0)]);
    assert_eq!(events[0].date, Some(date("2019-12-08")));
    // Sunday belongs to "said", not to the reported "respond" clause.
    assert_eq!(events[1].date_source, EventDateSource::Article);
}

/// A parse that hangs "on Sunday" on a misattached subject ("North Korea on Sunday" under
/// "Claiming") still dates the verb right after it, and the past event reported under it.
#[test]
fn a_time_right_before_the_verb_dates_it_whatever_the_parse() {
    let mut doc = tagged(
        "Claiming victory, North Korea on Sunday said it carried out an important test.",
        Some("2019-12-11"),
    );
    parse_by_hand(
        &mut doc,
        "said",
        &[
            ("Claiming", "said", "advcl", "VBG"),
            ("victory", "Claiming", "obj", "NN"),
            ("North", "Korea", "compound", "NNP"),
            ("Korea", "Claiming", "obl", "NNP"),
            ("on", "Sunday", "case", "IN"),
            ("Sunday", "Korea", "nmod", "NNP"),
            ("it", "carried", "nsubj", "PRP"),
            ("carried", "said", "ccomp", "VBD"),
            ("out", "carried", "compound:prt", "RP"),
            ("an", "test", "det", "DT"),
            ("important", "test", "amod", "JJ"),
            ("test", "carried", "obj", "NN"),
        ],
    );

    let events = dated(doc, &[("said", 0), ("carried", 0)]);
    assert_eq!(events[0].date, Some(date("2019-12-08")));
    assert_eq!(events[1].date, Some(date("2019-12-08")));
    assert_eq!(events[1].date_source, EventDateSource::Relative);
}

#[test]
fn every_token_as_a_trigger_is_dated_without_panics() {
    let text =
        "SEOUL (Yonhap) -- North Korea said on Sunday it had conducted a test, and the council \
                will meet Wednesday. \"We will respond,\" he said. Talks stalled for two years.\n\n\
                Before his death in December, Kim said Pyongyang was ready.";
    for dct in [None, Some("2019-12-11")] {
        let mut doc = tagged(text, dct);
        let mut events = Vec::new();
        for s in &doc.sentences {
            for t in &s.tokens {
                let mut e = event_on(&doc, "said", 0);
                e.sentence = s.index;
                e.trigger = t.span;
                events.push(e);
            }
        }
        // A trigger outside its sentence must not break the stage either.
        let mut stray = event_on(&doc, "said", 0);
        stray.sentence = 99;
        events.push(stray);
        doc.events = events;
        EventDater::new().process(&mut doc);
        for e in &doc.events {
            match e.timex {
                Some(i) => assert_eq!(e.date, doc.timexes[i].date),
                None => assert_eq!(e.date, doc.article.date),
            }
            assert_eq!(e.date.is_none(), e.date_source == EventDateSource::Unknown);
        }
    }
}
