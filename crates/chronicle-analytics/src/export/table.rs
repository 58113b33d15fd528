//! CSV rows with the columns of `chronicle events --format csv`.

use std::io::Write;

use chronicle_core::record::EventRecord;

use super::StoredEvent;
use crate::{output_enum_str, Result};

/// The header of `chronicle events --format csv`, in order.
pub const EVENT_CSV_COLUMNS: [&str; 24] = [
    "doc",
    "article_date",
    "date",
    "date_precision",
    "date_source",
    "source_text",
    "source_code",
    "target_text",
    "target_code",
    "cameo",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover_event",
    "plover_mode",
    "plover_context",
    "negated",
    "modality",
    "trigger",
    "sentence_index",
    "sentence_text",
    "story_mentions",
    "story_sources",
    "story_articles",
];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// Writes events as CSV (quoted where needed), header first.
pub struct CsvEventWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvEventWriter<W> {
    pub fn new(out: W) -> Result<Self> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(EVENT_CSV_COLUMNS)?;
        Ok(CsvEventWriter { csv })
    }

    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        self.write_record(&e.record)
    }

    /// Writes one event record (from the store or straight from the pipeline).
    pub fn write_record(&mut self, r: &EventRecord) -> Result<()> {
        let src = r.source.as_ref();
        let tgt = r.target.as_ref();
        self.csv.write_record([
            r.doc.clone(),
            opt(&r.article_date),
            opt(&r.date),
            output_enum_str(&r.date_precision),
            output_enum_str(&r.date_source),
            src.map(|a| a.text.clone()).unwrap_or_default(),
            src.map(|a| a.code.clone()).unwrap_or_default(),
            tgt.map(|a| a.text.clone()).unwrap_or_default(),
            tgt.map(|a| a.code.clone()).unwrap_or_default(),
            r.cameo.clone(),
            r.cameo_name.clone(),
            r.goldstein.to_string(),
            r.quad_class.to_string(),
            opt(&r.plover.event),
            opt(&r.plover.mode),
            opt(&r.plover.context),
            r.negated.to_string(),
            output_enum_str(&r.modality),
            r.trigger.clone(),
            r.sentence.index.to_string(),
            r.sentence.text.clone(),
            opt(&r.story.map(|s| s.mentions)),
            opt(&r.story.map(|s| s.sources)),
            opt(&r.story.map(|s| s.articles)),
        ])?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.csv.flush()?;
        Ok(())
    }
}
