//! Test helpers: a segmented document with hand-marked actor mentions.
#![allow(dead_code)]

use chronicle_core::{
    ActorCode, Article, Document, Event, EventActor, Mention, MentionKind, Modality, Quote,
    QuoteKind, Span, Stage,
};
use chronicle_events::EventCoder;

/// Segments `text` and marks every occurrence of each phrase with its actor code
/// (longest phrases first; overlapping occurrences are skipped).
pub fn doc_with_actors(text: &str, actors: &[(&str, &str)]) -> Document {
    let mut doc = Document::new(Article {
        text: text.to_owned(),
        ..Default::default()
    });
    chronicle_nlp::Segmenter::new().process(&mut doc);
    let mut sorted: Vec<&(&str, &str)> = actors.iter().collect();
    sorted.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let mut mentions: Vec<Mention> = Vec::new();
    for (phrase, code) in sorted {
        for (start, _) in text.match_indices(phrase) {
            let span = Span::new(start, start + phrase.len());
            if mentions.iter().any(|m| m.span.overlaps(span)) {
                continue;
            }
            if let Some(m) = mention_at(&doc, span, code) {
                mentions.push(m);
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    doc.mentions = mentions;
    doc
}

fn mention_at(doc: &Document, span: Span, code: &str) -> Option<Mention> {
    let sentence = doc.sentence_at(span.start)?;
    let tokens = &doc.sentences[sentence].tokens;
    let first = tokens.iter().position(|t| t.span.start == span.start)?;
    let last = tokens.iter().position(|t| t.span.end == span.end)?;
    let (country, agent) = if code.len() >= 3 {
        (Some(&code[..3]), (code.len() > 3).then(|| &code[3..]))
    } else {
        (None, None)
    };
    Some(Mention {
        sentence,
        tokens: (first, last + 1),
        span,
        text: doc.slice(span).to_owned(),
        kind: MentionKind::Country,
        actor: ActorCode {
            code: code.to_owned(),
            country: country.map(str::to_owned),
            agent: agent.map(str::to_owned),
        },
        head: last,
    })
}

/// Adds a direct quote whose content is `content` and whose speaker is the mention `speaker`.
pub fn add_quote(doc: &mut Document, content: &str, speaker_code: &str) {
    let start = doc.text().find(content).expect("quote content in text");
    let span = Span::new(start, start + content.len());
    let speaker = doc
        .mentions
        .iter()
        .enumerate()
        .find(|(_, m)| m.actor.code == speaker_code)
        .map(|(i, m)| EventActor {
            text: m.text.clone(),
            span: m.span,
            actor: m.actor.clone(),
            mention: Some(i),
        });
    doc.quotes.push(Quote {
        sentence: doc.sentence_at(start).unwrap_or(0),
        content: span,
        content_text: content.to_owned(),
        kind: QuoteKind::Direct,
        speaker,
        speaker_text: None,
        cue: None,
        speaker_span: None,
        fragments: Vec::new(),
        date: None,
        date_source: chronicle_core::EventDateSource::Unknown,
    });
}

/// Runs the coder and returns the events.
pub fn events(doc: &mut Document) -> Vec<Event> {
    EventCoder::new().process(doc);
    doc.events.clone()
}

/// `(source, target, cameo)` of each event.
pub fn triples(text: &str, actors: &[(&str, &str)]) -> Vec<(String, String, String)> {
    let mut doc = doc_with_actors(text, actors);
    events(&mut doc).iter().map(triple).collect()
}

pub fn triple(e: &Event) -> (String, String, String) {
    let code = |a: &Option<EventActor>| {
        a.as_ref()
            .map(|a| a.actor.code.clone())
            .unwrap_or_else(|| "-".into())
    };
    (code(&e.source), code(&e.target), e.cameo.clone())
}

pub fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.to_owned(), t.to_owned(), c.to_owned())
}

pub fn only(text: &str, actors: &[(&str, &str)]) -> Event {
    let mut doc = doc_with_actors(text, actors);
    let mut evs = events(&mut doc);
    assert_eq!(
        evs.len(),
        1,
        "expected one event for {text:?}, got {:?}",
        evs.iter().map(triple).collect::<Vec<_>>()
    );
    evs.remove(0)
}

pub fn asserted(e: &Event) -> bool {
    e.modality == Modality::Asserted && !e.negated
}
