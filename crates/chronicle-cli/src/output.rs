//! Printing records as JSONL, CSV or an aligned text table.

use std::io::Write;

use anyhow::Result;
use chronicle_analytics::export::CsvEventWriter;
use chronicle_core::record::EventRecord;
use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Table,
}

/// Writes events to stdout in one format.
pub struct EventWriter {
    format: Format,
    out: Box<dyn Write>,
    csv: Option<CsvEventWriter<Box<dyn Write>>>,
    rows: Vec<[String; 7]>,
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The serde name of a unit enum variant (`Modality::Future` → "future").
pub fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn stdout() -> Box<dyn Write> {
    Box::new(std::io::BufWriter::new(std::io::stdout()))
}

impl EventWriter {
    pub fn stdout(format: Format) -> Result<Self> {
        let csv = if format == Format::Csv {
            Some(CsvEventWriter::new(stdout())?)
        } else {
            None
        };
        Ok(EventWriter {
            format,
            out: stdout(),
            csv,
            rows: Vec::new(),
        })
    }
    pub fn write(&mut self, e: &EventRecord) -> Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, e)?;
                self.out.write_all(b"\n")?;
            }
            Format::Csv => self.csv.as_mut().expect("csv writer").write_record(e)?,
            Format::Table => {
                let modality = if e.negated {
                    "neg".to_owned()
                } else {
                    enum_str(&e.modality)
                };
                self.rows.push([
                    opt(&e.date),
                    e.source
                        .as_ref()
                        .map(|a| a.code.clone())
                        .unwrap_or_else(|| "-".into()),
                    e.target
                        .as_ref()
                        .map(|a| a.code.clone())
                        .unwrap_or_else(|| "-".into()),
                    e.cameo.clone(),
                    format!("{:+.1}", e.goldstein),
                    modality,
                    format!(
                        "{}#{}: {}",
                        e.doc,
                        e.sentence.index,
                        truncate(&e.cameo_name, 40)
                    ),
                ]);
            }
        }
        Ok(())
    }

    /// Flushes buffered output (the table is aligned over all its rows).
    pub fn finish(mut self) -> Result<()> {
        if let Some(w) = self.csv.take() {
            w.finish()?;
        }
        if self.format == Format::Table {
            let header = [
                "date",
                "source",
                "target",
                "cameo",
                "gold",
                "modality",
                "doc#sentence: event",
            ];
            print_table(&mut self.out, &header, &self.rows)?;
        }
        self.out.flush()?;
        Ok(())
    }
}

pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Prints rows under a header with columns padded to their widest cell.
pub fn print_table<W: Write, const N: usize>(
    out: &mut W,
    header: &[&str; N],
    rows: &[[String; N]],
) -> Result<()> {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |out: &mut W, cells: Vec<&str>| -> Result<()> {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i + 1 == N {
                s.push_str(cell);
            } else {
                s.push_str(&format!("{cell:<w$}  "));
            }
        }
        writeln!(out, "{}", s.trim_end())?;
        Ok(())
    };
    line(out, header.to_vec())?;
    for row in rows {
        line(out, row.iter().map(String::as_str).collect())?;
    }
    Ok(())
}
