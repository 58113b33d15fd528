//! Over-coding limits, de-duplication and hostile input.

mod common;

use chronicle_core::{
    ActorCode, Article, Document, Mention, MentionKind, Sentence, Span, Stage, Token,
};
use chronicle_events::{dedupe, Deduplicator, EventCoder, MAX_EVENTS_PER_SENTENCE};
use chrono::NaiveDate;
use common::{doc_with_actors, events, t, triple};

#[test]
fn a_long_many_verbed_sentence_is_not_over_coded() {
    let text = "U.S. Secretary of State Antony Blinken, who arrived in Jakarta on Monday after stops in \
                Tokyo and Seoul, met Indonesian President Joko Widodo and praised Indonesia's role in \
                regional diplomacy, while urging Beijing to respect the rights of fishermen in the South \
                China Sea and warning that Washington would defend its allies in Asia.";
    let actors = [
        ("U.S. Secretary of State Antony Blinken", "USAGOV"),
        ("Jakarta", "IDN"),
        ("Tokyo", "JPN"),
        ("Seoul", "KOR"),
        ("Indonesian President Joko Widodo", "IDNGOV"),
        ("Indonesia", "IDN"),
        ("Beijing", "CHN"),
        ("Washington", "USA"),
    ];
    let mut doc = doc_with_actors(text, &actors);
    let evs = events(&mut doc);
    assert!(!evs.is_empty());
    assert!(
        evs.len() <= 3,
        "{:?}",
        evs.iter().map(triple).collect::<Vec<_>>()
    );
    assert!(evs.len() <= MAX_EVENTS_PER_SENTENCE);
    let got: Vec<_> = evs.iter().map(triple).collect();
    assert!(got.contains(&t("USAGOV", "IDNGOV", "040")), "{got:?}");
    // No dyad with the places Blinken passed through.
    assert!(evs.iter().all(|e| {
        let tgt = e.target.as_ref().map(|a| a.actor.code.as_str());
        tgt != Some("JPN") && tgt != Some("KOR")
    }));
}

#[test]
fn one_event_per_trigger_even_with_overlapping_patterns() {
    let mut doc = doc_with_actors(
        "Seoul and Washington held joint military exercises near the border.",
        &[("Seoul", "KOR"), ("Washington", "USA")],
    );
    let evs = events(&mut doc);
    let got: Vec<_> = evs.iter().map(triple).collect();
    assert_eq!(got, vec![t("KOR", "USA", "062"), t("USA", "KOR", "062")]);
}

fn dated(doc: &mut Document, dates: &[Option<(i32, u32, u32)>]) {
    for (e, d) in doc.events.iter_mut().zip(dates) {
        e.date = d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    }
}

#[test]
fn dedupe_collapses_repeated_reports_of_the_same_dated_event() {
    let text = "Israel struck Syria on Monday. Syrian state media said Israel struck Syria. \
                Israel struck Syria again on Thursday.";
    let mut doc = doc_with_actors(
        text,
        &[("Israel", "ISR"), ("Syria", "SYR"), ("Syrian", "SYR")],
    );
    EventCoder::new().process(&mut doc);
    assert_eq!(
        doc.events.len(),
        3,
        "{:?}",
        doc.events.iter().map(triple).collect::<Vec<_>>()
    );
    dated(
        &mut doc,
        &[Some((2024, 3, 4)), Some((2024, 3, 4)), Some((2024, 3, 7))],
    );
    let report = dedupe(&mut doc);
    assert_eq!(doc.events.len(), 2);
    assert_eq!(report.reports, vec![2, 1]);
    assert_eq!(report.dropped, 1);
    assert_eq!(doc.events[0].sentence, 0, "the first report is kept");
    assert_eq!(Deduplicator::new().name(), "dedupe");
    assert_eq!(EventCoder::new().name(), "events");
}

#[test]
fn dedupe_keeps_negated_and_undated_events_apart() {
    let text = "Hanoi met Beijing. Hanoi did not meet Beijing. Hanoi met Beijing.";
    let mut doc = doc_with_actors(text, &[("Hanoi", "VNM"), ("Beijing", "CHN")]);
    EventCoder::new().process(&mut doc);
    assert_eq!(doc.events.len(), 3);
    let report = dedupe(&mut doc);
    assert_eq!(report.reports, vec![2, 1]);
    assert!(!doc.events[0].negated && doc.events[1].negated);
}

#[test]
fn a_targetless_report_folds_into_the_aimed_report_of_the_same_act() {
    let text =
        "Algeria closes airspace\n\nAlgeria closed its airspace to Malian flights on Sunday. \
                Algeria closed its airspace on Sunday. Mali closed its airspace on Sunday.";
    let mut doc = doc_with_actors(
        text,
        &[("Algeria", "DZA"), ("Malian", "MLI"), ("Mali", "MLI")],
    );
    doc.article.title = Some("Algeria closes airspace".to_owned());
    EventCoder::new().process(&mut doc);
    let found: Vec<_> = doc.events.iter().map(triple).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    // The headline carries the article's date, the body the Sunday before it.
    dated(
        &mut doc,
        &[
            Some((2025, 4, 7)),
            Some((2025, 4, 6)),
            Some((2025, 4, 6)),
            Some((2025, 4, 6)),
        ],
    );
    let report = dedupe(&mut doc);
    let kept: Vec<_> = doc.events.iter().map(triple).collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(report.reports, vec![3, 1], "{kept:?}");
    assert!(doc.events[0].target.is_some(), "{kept:?}");
    assert!(
        doc.events[1].target.is_none(),
        "Mali's own closure stays: {kept:?}"
    );
}

#[test]
fn empty_and_token_less_documents_give_nothing() {
    let coder = EventCoder::new();
    let mut empty = Document::default();
    coder.process(&mut empty);
    assert!(empty.events.is_empty());
    assert!(coder.code_sentence(&empty, 5).is_empty());
    let mut blank = Document::new(Article {
        text: String::new(),
        ..Default::default()
    });
    blank.sentences.push(Sentence::default());
    coder.process(&mut blank);
    assert!(blank.events.is_empty());
}

#[test]
fn hostile_text_and_broken_mentions_do_not_panic() {
    let mut text = String::new();
    for i in 0..400 {
        text.push_str(&format!(
            "Россия urged \u{0007} urged urged \"Iran\" to to to ... refrain; 北朝鮮 {i} attacked attacked by by \n"
        ));
    }
    text.push_str(&"urged Iran ".repeat(2000));
    let mut doc = doc_with_actors(
        &text,
        &[("Iran", "IRN"), ("Россия", "RUS"), ("北朝鮮", "PRK")],
    );
    // A mention pointing past its sentence and one with an inverted range.
    doc.mentions.push(Mention {
        sentence: 0,
        tokens: (5, 9999),
        span: Span::new(0, 1),
        text: "x".into(),
        kind: MentionKind::Country,
        actor: ActorCode::new(Some("USA"), None, ""),
        head: 9999,
    });
    doc.mentions.push(Mention {
        sentence: 9999,
        tokens: (3, 1),
        span: Span::new(0, 1),
        text: "y".into(),
        kind: MentionKind::Country,
        actor: ActorCode::new(Some("CHN"), None, ""),
        head: 0,
    });
    // A parse whose heads point outside the sentence.
    if let Some(s) = doc.sentences.first_mut() {
        for tok in &mut s.tokens {
            tok.head = Some(100_000);
            tok.deprel = "nsubj".into();
        }
    }
    let evs = events(&mut doc);
    let per_sentence = evs
        .iter()
        .fold(std::collections::HashMap::new(), |mut m, e| {
            *m.entry(e.sentence).or_insert(0usize) += 1;
            m
        });
    assert!(per_sentence.values().all(|&n| n <= MAX_EVENTS_PER_SENTENCE));
}

#[test]
fn hand_built_tokens_without_segmenter_work() {
    let text = "Kenya condemned Somalia";
    let words = [(0, 5), (6, 15), (16, 23)];
    let tokens: Vec<Token> = words
        .iter()
        .map(|&(s, e)| Token {
            text: text[s..e].into(),
            span: Span::new(s, e),
            lemma: text[s..e].to_lowercase(),
            ..Default::default()
        })
        .collect();
    let mut doc = Document::new(Article {
        text: text.into(),
        ..Default::default()
    });
    doc.sentences.push(Sentence {
        index: 0,
        span: Span::new(0, 23),
        paragraph: 0,
        tokens,
    });
    for (i, (code, (s, e))) in [("KEN", words[0]), ("SOM", words[2])]
        .into_iter()
        .enumerate()
    {
        doc.mentions.push(Mention {
            sentence: 0,
            tokens: (i * 2, i * 2 + 1),
            span: Span::new(s, e),
            text: text[s..e].into(),
            kind: MentionKind::Country,
            actor: ActorCode::new(Some(code), None, ""),
            head: i * 2,
        });
    }
    let evs = events(&mut doc);
    assert_eq!(
        evs.iter().map(triple).collect::<Vec<_>>(),
        vec![t("KEN", "SOM", "111")]
    );
    assert_eq!(doc.slice(evs[0].trigger), "condemned");
}

#[test]
fn a_hand_built_giant_sentence_is_skipped_quickly() {
    let word = "urged Iran ";
    let text = word.repeat(5000);
    let tokens: Vec<Token> = (0..10_000)
        .map(|i| {
            let start = (i / 2) * word.len() + if i % 2 == 0 { 0 } else { 6 };
            let len = if i % 2 == 0 { 5 } else { 4 };
            Token {
                text: text[start..start + len].into(),
                span: Span::new(start, start + len),
                lemma: text[start..start + len].to_lowercase(),
                ..Default::default()
            }
        })
        .collect();
    let mut doc = Document::new(Article {
        text: text.clone(),
        ..Default::default()
    });
    doc.sentences.push(Sentence {
        index: 0,
        span: Span::new(0, text.len()),
        paragraph: 0,
        tokens,
    });
    let started = std::time::Instant::now();
    EventCoder::new().process(&mut doc);
    assert!(doc.events.is_empty());
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn an_appositive_over_a_parse_whose_heads_leave_the_sentence_codes_without_panic() {
    let mut doc = doc_with_actors(
        "Iran sent a note to the Russian envoy, Sergei Lavrov, urging him to hold talks.",
        &[
            ("Iran", "IRN"),
            ("Russian envoy", "RUSGOV"),
            ("Sergei Lavrov", "RUSGOV"),
        ],
    );
    // Noun-modifier links that point past the sentence: following them must stop there.
    for s in &mut doc.sentences {
        for tok in &mut s.tokens {
            tok.head = Some(100_000);
            tok.deprel = "nmod".into();
        }
    }
    let evs = events(&mut doc);
    assert!(evs.len() <= MAX_EVENTS_PER_SENTENCE);
}
