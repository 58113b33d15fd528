//! PLOVER JSON records, with the field names of the PLOVER manual's "Data Fields" chapter:
//! the required `id`, `date`, `actor` and `event`, and the optional `recipient`, `mode`,
//! `context`, `quad_code`, `event_text`, `text`, `text_info`, `cite_info`, `coder`,
//! `coded_date` and `comment`. Entities carry `code` (the 3-letter country or organisation
//! type), `sector`, `entity_text` and our full CAMEO `actor_code` (extra named fields are
//! allowed by the manual). Records are written as JSON Lines, as the manual suggests.

use std::io::Write;

use chronicle_core::record::{ActorRecord, EventRecord};
use serde_json::{json, Map, Value};

use super::StoredEvent;
use crate::Result;

/// The coder name written into every record.
pub const CODER: &str = concat!("chronicle ", env!("CARGO_PKG_VERSION"));

fn entity(a: &ActorRecord) -> Value {
    let code = a
        .country
        .clone()
        .unwrap_or_else(|| a.code.chars().take(3).collect());
    let mut e = Map::new();
    e.insert("code".into(), json!(code));
    if let Some(agent) = &a.agent {
        e.insert("sector".into(), json!(agent));
    }
    e.insert("entity_text".into(), json!(a.text));
    e.insert("actor_code".into(), json!(a.code));
    Value::Object(e)
}

fn list(value: &Option<String>) -> Value {
    match value {
        Some(v) => json!([v.to_lowercase()]),
        None => json!([]),
    }
}

/// Where another mention of the same story was found: its article, sentence and spans.
fn mention_evidence(m: &EventRecord) -> Value {
    json!({
        "citation": m.doc,
        "text": m.sentence.text,
        "text_info": {
            "sequence": m.sentence.index,
            "start": m.evidence.sentence[0],
            "end": m.evidence.sentence[1],
        },
        "event_text": [m.trigger],
    })
}

/// The PLOVER record of one event, or `None` when a required field cannot be filled: no
/// date, no acting entity, or a CAMEO code without a PLOVER category.
pub fn plover_record(e: &StoredEvent) -> Option<Value> {
    let r = &e.record;
    let date = r.date?;
    let actor = r.source.as_ref()?;
    let event = r.plover.event.as_ref()?;
    let mut record = Map::new();
    record.insert("id".into(), json!(format!("chronicle-{}", e.id)));
    record.insert("date".into(), json!(date.to_string()));
    record.insert("actor".into(), json!([entity(actor)]));
    record.insert(
        "recipient".into(),
        Value::Array(r.target.iter().map(entity).collect()),
    );
    record.insert("event".into(), json!([event.to_uppercase()]));
    record.insert("mode".into(), list(&r.plover.mode));
    record.insert("context".into(), list(&r.plover.context));
    record.insert("quad_code".into(), json!(r.quad_class));
    record.insert("event_text".into(), json!([r.trigger]));
    record.insert("text".into(), json!(r.sentence.text));
    record.insert(
        "text_info".into(),
        json!({
            "sequence": r.sentence.index,
            "start": r.evidence.sentence[0],
            "end": r.evidence.sentence[1],
        }),
    );
    let mut cite = Map::new();
    cite.insert("citation".into(), json!(r.doc));
    if let Some(url) = &e.url {
        cite.insert("url".into(), json!(url));
    }
    if let Some(title) = &e.title {
        cite.insert("title".into(), json!(title));
    }
    if let Some(outlet) = &e.outlet {
        cite.insert("publication".into(), json!(outlet));
    }
    cite.insert("coder".into(), json!(CODER));
    cite.insert("codebook".into(), json!("CAMEO 1.1b3 mapped to PLOVER"));
    record.insert("cite_info".into(), Value::Object(cite));
    record.insert("coder".into(), json!(CODER));
    if let Some(day) = e.ingested_at.get(..10) {
        record.insert("coded_date".into(), json!(day));
    }
    // Our CAMEO view and modality, for users splicing PLOVER with CAMEO series.
    record.insert("cameo".into(), json!(r.cameo));
    record.insert("goldstein".into(), json!(r.goldstein));
    if let Some(story) = r.story {
        record.insert(
            "story".into(),
            json!({
                "id": story.id,
                "mentions": story.mentions,
                "sources": story.sources,
                "articles": story.articles,
            }),
        );
    }
    if !e.other_mentions.is_empty() {
        let others: Vec<Value> = e.other_mentions.iter().map(mention_evidence).collect();
        record.insert("other_mentions".into(), Value::Array(others));
    }
    let modality = serde_json::to_value(r.modality).unwrap_or(Value::Null);
    record.insert(
        "comment".into(),
        json!(format!(
            "modality {}; {} report(s) in the article",
            modality.as_str().unwrap_or("?"),
            r.reports
        )),
    );
    Some(Value::Object(record))
}

/// Writes PLOVER records as JSON Lines; counts the events that had no PLOVER record.
pub struct PloverWriter<W: Write> {
    out: W,
    pub written: u64,
    pub skipped: u64,
}

impl<W: Write> PloverWriter<W> {
    pub fn new(out: W) -> Self {
        PloverWriter {
            out,
            written: 0,
            skipped: 0,
        }
    }

    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        match plover_record(e) {
            Some(record) => {
                serde_json::to_writer(&mut self.out, &record)?;
                self.out.write_all(b"\n")?;
                self.written += 1;
            }
            None => self.skipped += 1,
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<(W, u64, u64)> {
        self.out.flush()?;
        Ok((self.out, self.written, self.skipped))
    }
}
