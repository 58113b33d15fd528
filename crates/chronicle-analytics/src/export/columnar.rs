//! Parquet export with typed columns, written with the `parquet` crate's column writers
//! (no Arrow). Rows are buffered only up to one row group, so memory stays bounded.

use std::io::Write;
use std::sync::Arc;

use chrono::NaiveDate;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, FloatType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::StoredEvent;
use crate::output_enum_str;
use crate::Result;

/// Rows per row group: large enough for good compression, small enough to keep memory flat.
pub const ROW_GROUP_ROWS: usize = 50_000;

#[derive(Clone, Copy)]
enum Kind {
    Int64,
    Int32,
    Date,
    Float,
    Bool,
    Text,
}

/// (name, kind, optional) in file order.
const COLUMNS: &[(&str, Kind, bool)] = &[
    ("id", Kind::Int64, false),
    ("doc", Kind::Text, false),
    ("article_date", Kind::Date, true),
    ("date", Kind::Date, true),
    ("date_precision", Kind::Text, false),
    ("date_source", Kind::Text, false),
    ("source_code", Kind::Text, true),
    ("source_text", Kind::Text, true),
    ("source_country", Kind::Text, true),
    ("source_agent", Kind::Text, true),
    ("target_code", Kind::Text, true),
    ("target_text", Kind::Text, true),
    ("target_country", Kind::Text, true),
    ("target_agent", Kind::Text, true),
    ("cameo", Kind::Text, false),
    ("cameo_name", Kind::Text, false),
    ("goldstein", Kind::Float, false),
    ("quad_class", Kind::Int32, false),
    ("plover_event", Kind::Text, true),
    ("plover_mode", Kind::Text, true),
    ("plover_context", Kind::Text, true),
    ("negated", Kind::Bool, false),
    ("modality", Kind::Text, false),
    ("reports", Kind::Int32, false),
    ("trigger", Kind::Text, false),
    ("sentence_index", Kind::Int32, false),
    ("sentence_start", Kind::Int32, false),
    ("sentence_end", Kind::Int32, false),
    ("sentence_text", Kind::Text, false),
    ("outlet", Kind::Text, true),
    ("url", Kind::Text, true),
    ("story_mentions", Kind::Int32, true),
    ("story_sources", Kind::Int32, true),
    ("story_articles", Kind::Int32, true),
];

/// The Parquet schema of the export (message type syntax).
pub static PARQUET_SCHEMA: std::sync::LazyLock<String> = std::sync::LazyLock::new(schema_text);

fn schema_text() -> String {
    let mut s = String::from("message chronicle_event {\n");
    for (name, kind, optional) in COLUMNS {
        let repetition = if *optional { "OPTIONAL" } else { "REQUIRED" };
        let physical = match kind {
            Kind::Int64 => "INT64",
            Kind::Int32 => "INT32",
            Kind::Date => "INT32",
            Kind::Float => "FLOAT",
            Kind::Bool => "BOOLEAN",
            Kind::Text => "BYTE_ARRAY",
        };
        let logical = match kind {
            Kind::Date => " (DATE)",
            Kind::Text => " (UTF8)",
            _ => "",
        };
        s.push_str(&format!("  {repetition} {physical} {name}{logical};\n"));
    }
    s.push('}');
    s
}

/// One cell; `None` is a null of an optional column.
enum Cell {
    Int64(i64),
    Int32(Option<i32>),
    Float(f32),
    Bool(bool),
    Text(Option<String>),
}

enum Values {
    Int64(Vec<i64>),
    Int32(Vec<i32>),
    Float(Vec<f32>),
    Bool(Vec<bool>),
    Text(Vec<ByteArray>),
}

struct Column {
    values: Values,
    /// Definition levels (1 present, 0 null) for optional columns.
    defs: Option<Vec<i16>>,
}

impl Column {
    fn new(kind: Kind, optional: bool) -> Self {
        let values = match kind {
            Kind::Int64 => Values::Int64(Vec::new()),
            Kind::Int32 | Kind::Date => Values::Int32(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
            Kind::Text => Values::Text(Vec::new()),
        };
        Column {
            values,
            defs: optional.then(Vec::new),
        }
    }

    fn push(&mut self, cell: Cell) {
        let present = match (&mut self.values, cell) {
            (Values::Int64(v), Cell::Int64(x)) => {
                v.push(x);
                true
            }
            (Values::Int32(v), Cell::Int32(x)) => x.map(|x| v.push(x)).is_some(),
            (Values::Float(v), Cell::Float(x)) => {
                v.push(x);
                true
            }
            (Values::Bool(v), Cell::Bool(x)) => {
                v.push(x);
                true
            }
            (Values::Text(v), Cell::Text(x)) => {
                x.map(|x| v.push(ByteArray::from(x.into_bytes()))).is_some()
            }
            // The cell list below follows COLUMNS; a mismatch is a bug caught by the tests.
            _ => false,
        };
        if let Some(defs) = &mut self.defs {
            defs.push(i16::from(present));
        }
    }

    fn clear(&mut self) {
        match &mut self.values {
            Values::Int64(v) => v.clear(),
            Values::Int32(v) => v.clear(),
            Values::Float(v) => v.clear(),
            Values::Bool(v) => v.clear(),
            Values::Text(v) => v.clear(),
        }
        if let Some(d) = &mut self.defs {
            d.clear();
        }
    }
}

fn days(date: Option<NaiveDate>) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    date.and_then(|d| i32::try_from((d - epoch).num_days()).ok())
}

fn int32(n: usize) -> Option<i32> {
    Some(i32::try_from(n).unwrap_or(i32::MAX))
}

fn cells(e: &StoredEvent) -> Vec<Cell> {
    let r = &e.record;
    let src = r.source.as_ref();
    let tgt = r.target.as_ref();
    let text = |s: &str| Cell::Text(Some(s.to_owned()));
    let opt = |s: Option<&String>| Cell::Text(s.cloned());
    vec![
        Cell::Int64(e.id),
        text(&r.doc),
        Cell::Int32(days(r.article_date)),
        Cell::Int32(days(r.date)),
        text(&output_enum_str(&r.date_precision)),
        text(&output_enum_str(&r.date_source)),
        opt(src.map(|a| &a.code)),
        opt(src.map(|a| &a.text)),
        opt(src.and_then(|a| a.country.as_ref())),
        opt(src.and_then(|a| a.agent.as_ref())),
        opt(tgt.map(|a| &a.code)),
        opt(tgt.map(|a| &a.text)),
        opt(tgt.and_then(|a| a.country.as_ref())),
        opt(tgt.and_then(|a| a.agent.as_ref())),
        text(&r.cameo),
        text(&r.cameo_name),
        Cell::Float(r.goldstein),
        Cell::Int32(Some(i32::from(r.quad_class))),
        opt(r.plover.event.as_ref()),
        opt(r.plover.mode.as_ref()),
        opt(r.plover.context.as_ref()),
        Cell::Bool(r.negated),
        text(&output_enum_str(&r.modality)),
        Cell::Int32(Some(i32::try_from(r.reports).unwrap_or(i32::MAX))),
        text(&r.trigger),
        Cell::Int32(int32(r.sentence.index)),
        Cell::Int32(int32(r.evidence.sentence[0])),
        Cell::Int32(int32(r.evidence.sentence[1])),
        text(&r.sentence.text),
        opt(e.outlet.as_ref()),
        opt(e.url.as_ref()),
        Cell::Int32(r.story.and_then(|s| i32::try_from(s.mentions).ok())),
        Cell::Int32(r.story.and_then(|s| i32::try_from(s.sources).ok())),
        Cell::Int32(r.story.and_then(|s| i32::try_from(s.articles).ok())),
    ]
}

/// Writes events to a Parquet file, one row group per [`ROW_GROUP_ROWS`] events.
pub struct ParquetEventWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<Column>,
    rows: usize,
    pub written: u64,
}

impl<W: Write + Send> ParquetEventWriter<W> {
    pub fn new(out: W) -> Result<Self> {
        let schema = Arc::new(parse_message_type(&PARQUET_SCHEMA)?);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(super::plover::CODER.to_owned())
            .build();
        Ok(ParquetEventWriter {
            writer: SerializedFileWriter::new(out, schema, Arc::new(props))?,
            columns: COLUMNS
                .iter()
                .map(|(_, kind, optional)| Column::new(*kind, *optional))
                .collect(),
            rows: 0,
            written: 0,
        })
    }

    pub fn write(&mut self, e: &StoredEvent) -> Result<()> {
        for (column, cell) in self.columns.iter_mut().zip(cells(e)) {
            column.push(cell);
        }
        self.rows += 1;
        self.written += 1;
        if self.rows >= ROW_GROUP_ROWS {
            self.flush_row_group()?;
        }
        Ok(())
    }

    fn flush_row_group(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for column in &mut self.columns {
            let Some(mut writer) = group.next_column()? else {
                break;
            };
            let defs = column.defs.as_deref();
            match &column.values {
                Values::Int64(v) => {
                    writer.typed::<Int64Type>().write_batch(v, defs, None)?;
                }
                Values::Int32(v) => {
                    writer.typed::<Int32Type>().write_batch(v, defs, None)?;
                }
                Values::Float(v) => {
                    writer.typed::<FloatType>().write_batch(v, defs, None)?;
                }
                Values::Bool(v) => {
                    writer.typed::<BoolType>().write_batch(v, defs, None)?;
                }
                Values::Text(v) => {
                    writer.typed::<ByteArrayType>().write_batch(v, defs, None)?;
                }
            }
            writer.close()?;
            column.clear();
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub fn finish(mut self) -> Result<u64> {
        self.flush_row_group()?;
        self.writer.close()?;
        Ok(self.written)
    }
}
