//! Response shapes that are not the store's own records: the article view (every layer with
//! character offsets) and actors with display names.

use chronicle_actors::KnowledgeBase;
use chronicle_core::record::{EventRecord, QuoteRecord};
use chronicle_core::{CharOffsets, Document};
use chronicle_store::{ActorCount, ArticleSummary};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleBody {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub duplicate_of: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SentenceView {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MentionView {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub code: String,
    pub kind: serde_json::Value,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TimexView {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: serde_json::Value,
    pub value: String,
}

/// `GET /api/articles/{doc}`: the text and every layer, offsets in characters.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleView {
    pub article: ArticleBody,
    pub sentences: Vec<SentenceView>,
    pub mentions: Vec<MentionView>,
    pub timexes: Vec<TimexView>,
    pub quotes: Vec<QuoteRecord>,
    pub events: Vec<EventRecord>,
}

impl ArticleView {
    /// The view of an analysed document; `events` are the stored records (with ids).
    pub fn from_document(
        doc: &Document,
        duplicate_of: Option<String>,
        events: Vec<EventRecord>,
    ) -> Self {
        let a = &doc.article;
        let offsets = CharOffsets::new(&a.text);
        let enum_value = |v: serde_json::Result<serde_json::Value>| v.unwrap_or_default();
        ArticleView {
            article: ArticleBody {
                doc: a.id.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                date: a.date,
                url: a.url.clone(),
                duplicate_of,
                text: a.text.clone(),
            },
            sentences: doc
                .sentences
                .iter()
                .map(|s| {
                    let [start, end] = offsets.span(s.span);
                    SentenceView {
                        index: s.index,
                        start,
                        end,
                    }
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| {
                    let [start, end] = offsets.span(m.span);
                    MentionView {
                        start,
                        end,
                        text: m.text.clone(),
                        code: m.actor.code.clone(),
                        kind: enum_value(serde_json::to_value(m.kind)),
                    }
                })
                .collect(),
            timexes: doc
                .timexes
                .iter()
                .map(|t| {
                    let [start, end] = offsets.span(t.span);
                    TimexView {
                        start,
                        end,
                        text: t.text.clone(),
                        kind: enum_value(serde_json::to_value(t.kind)),
                        value: t.value.clone(),
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| QuoteRecord::new(doc, q, &offsets))
                .collect(),
            events,
        }
    }

    /// The view of an article stored without its text (bulk-loaded coded events): metadata
    /// and events only.
    pub fn from_summary(
        summary: &ArticleSummary,
        url: Option<String>,
        events: Vec<EventRecord>,
    ) -> Self {
        ArticleView {
            article: ArticleBody {
                doc: summary.doc.clone(),
                title: summary.title.clone(),
                outlet: summary.outlet.clone(),
                date: summary.date,
                url,
                duplicate_of: summary.duplicate_of.clone(),
                text: String::new(),
            },
            sentences: Vec::new(),
            mentions: Vec::new(),
            timexes: Vec::new(),
            quotes: Vec::new(),
            events,
        }
    }
}

/// An actor code with a readable name when the knowledge base knows it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ActorView {
    pub code: String,
    pub name: Option<String>,
    pub events: i64,
    pub quotes: i64,
}

impl ActorView {
    pub fn new(count: &ActorCount, kb: &KnowledgeBase) -> Self {
        ActorView {
            code: count.code.clone(),
            name: actor_name(&count.code, kb),
            events: count.events,
            quotes: count.quotes,
        }
    }
}

/// "United States" for USA, "United States (GOV)" for USAGOV; `None` when the code does
/// not start with a known state (IGOUNO, NGO codes).
pub(crate) fn actor_name(code: &str, kb: &KnowledgeBase) -> Option<String> {
    let country = code.get(..3).and_then(|c| kb.country(c))?;
    let name = country.names.first()?;
    match code.get(3..) {
        Some("") | None => Some(name.clone()),
        Some(agents) => Some(format!("{name} ({agents})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_states_and_state_agents() {
        let kb = KnowledgeBase::builtin();
        let usa = actor_name("USA", &kb).expect("USA is a known state");
        assert!(usa.contains("United States"), "{usa}");
        let gov = actor_name("PRKGOV", &kb).unwrap();
        assert!(gov.ends_with("(GOV)"), "{gov}");
        assert_eq!(actor_name("ZZ", &kb), None);
        assert_eq!(actor_name("ÉTAT", &kb), None);
    }
}
