//! Flat, self-contained output records (the JSONL schema of `chronicle code`), with spans
//! converted to character offsets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    CharOffsets, DatePrecision, Document, Event, EventActor, EventDateSource, Modality, Plover,
    Quote, QuoteKind,
};

/// An actor as printed in a record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ActorRecord {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub agent: Option<String>,
}

impl From<&EventActor> for ActorRecord {
    fn from(a: &EventActor) -> Self {
        ActorRecord {
            text: a.text.clone(),
            code: a.actor.code.clone(),
            country: a.actor.country.clone(),
            agent: a.actor.agent.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceRecord {
    pub index: usize,
    pub text: String,
}

/// Character offsets `[start, end)` into the article's cleaned text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Evidence {
    pub sentence: [usize; 2],
    pub trigger: [usize; 2],
    pub source: Option<[usize; 2]>,
    pub target: Option<[usize; 2]>,
    pub timex: Option<[usize; 2]>,
}

/// One event as `chronicle code` prints it. See the README for the field meanings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EventRecord {
    pub doc: String,
    pub article_date: Option<NaiveDate>,
    pub date: Option<NaiveDate>,
    pub date_precision: DatePrecision,
    pub date_source: EventDateSource,
    pub source: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub cameo: String,
    pub cameo_name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub plover: Plover,
    pub negated: bool,
    pub modality: Modality,
    pub trigger: String,
    pub timex: Option<String>,
    pub sentence: SentenceRecord,
    pub evidence: Evidence,
    pub pattern: String,
    /// Mentions of this same event in the article (after de-duplication).
    pub reports: u32,
    /// The stored row id (set when read back from a store).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The story this event belongs to: every stored mention of the same source, target,
    /// code and date, within or across articles (set when read back from a store).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryCounts>,
}

/// Story-level counts of one event, as GDELT reports them (NumMentions, NumSources,
/// NumArticles).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoryCounts {
    pub id: i64,
    /// Mentions in all articles (an article repeating the event counts each report).
    pub mentions: u32,
    /// Distinct outlets (an article without a known outlet counts as its own source).
    pub sources: u32,
    pub articles: u32,
}

impl EventRecord {
    pub fn new(doc: &Document, event: &Event, offsets: &CharOffsets) -> Self {
        let sentence = &doc.sentences[event.sentence];
        let timex = event.timex.map(|i| &doc.timexes[i]);
        EventRecord {
            doc: doc.article.id.clone(),
            article_date: doc.article.date,
            date: event.date,
            date_precision: event.date_precision,
            date_source: event.date_source,
            source: event.source.as_ref().map(ActorRecord::from),
            target: event.target.as_ref().map(ActorRecord::from),
            cameo: event.cameo.clone(),
            cameo_name: event.cameo_name.clone(),
            goldstein: event.goldstein,
            quad_class: event.quad_class,
            plover: event.plover.clone(),
            negated: event.negated,
            modality: event.modality,
            trigger: doc.slice(event.trigger).to_owned(),
            timex: timex.map(|t| t.text.clone()),
            sentence: SentenceRecord {
                index: sentence.index,
                text: doc.slice(sentence.span).to_owned(),
            },
            evidence: Evidence {
                sentence: offsets.span(sentence.span),
                trigger: offsets.span(event.trigger),
                source: event.source.as_ref().map(|a| offsets.span(a.span)),
                target: event.target.as_ref().map(|a| offsets.span(a.span)),
                timex: timex.map(|t| offsets.span(t.span)),
            },
            pattern: event.pattern.clone(),
            reports: event.reports,
            id: None,
            story: None,
        }
    }

    /// All event records of a document, in text order.
    pub fn all(doc: &Document) -> Vec<EventRecord> {
        let offsets = CharOffsets::new(doc.text());
        doc.events
            .iter()
            .map(|e| EventRecord::new(doc, e, &offsets))
            .collect()
    }
}

/// One quote as printed by `chronicle quotes`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteRecord {
    pub doc: String,
    pub article_date: Option<NaiveDate>,
    pub kind: QuoteKind,
    /// When it was said (see [`crate::Quote::date`]).
    pub date: Option<NaiveDate>,
    pub date_source: EventDateSource,
    pub speaker: Option<ActorRecord>,
    pub speaker_text: Option<String>,
    pub cue: Option<String>,
    pub content: String,
    pub sentence: usize,
    pub evidence: [usize; 2],
}

impl QuoteRecord {
    pub fn new(doc: &Document, quote: &Quote, offsets: &CharOffsets) -> Self {
        QuoteRecord {
            doc: doc.article.id.clone(),
            article_date: doc.article.date,
            kind: quote.kind,
            date: quote.date,
            date_source: quote.date_source,
            speaker: quote.speaker.as_ref().map(ActorRecord::from),
            speaker_text: quote.speaker_text.clone(),
            cue: quote.cue.map(|c| doc.slice(c).to_owned()),
            content: quote.content_text.clone(),
            sentence: quote.sentence,
            evidence: offsets.span(quote.content),
        }
    }
}
