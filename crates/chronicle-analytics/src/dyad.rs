//! Dyad series: per period, how much two actors cooperated and clashed.

use std::collections::HashMap;
use std::io::Write;

use chronicle_store::{DyadQuery, Period, Store};
use serde::Serialize;

use crate::period::{period_name, periods_between, span_of_key, PeriodSpan};
use crate::Result;

/// How many event types each period lists.
pub const TOP_CODES: usize = 3;

/// A frequent event type of a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopCode {
    pub cameo: String,
    pub name: String,
    pub count: i64,
}

/// The most-cited event of a period and where it is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodEvidence {
    pub doc: String,
    pub date: Option<chrono::NaiveDate>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    pub goldstein: f32,
    pub reports: u32,
    pub sentence_index: usize,
    /// Character offsets `[start, end)` of the sentence in the article's cleaned text.
    pub sentence_chars: [usize; 2],
    pub sentence: String,
}

/// One period of a dyad series; periods without events have zero counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadPeriod {
    #[serde(flatten)]
    pub span: PeriodSpan,
    pub events: i64,
    pub verbal_cooperation: i64,
    pub material_cooperation: i64,
    pub verbal_conflict: i64,
    pub material_conflict: i64,
    pub goldstein_sum: f64,
    /// `None` for a period without events.
    pub goldstein_mean: Option<f64>,
    pub top_codes: Vec<TopCode>,
    pub evidence: Option<PeriodEvidence>,
}

impl DyadPeriod {
    fn empty(span: PeriodSpan) -> Self {
        DyadPeriod {
            span,
            events: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_sum: 0.0,
            goldstein_mean: None,
            top_codes: Vec::new(),
            evidence: None,
        }
    }

    /// Quad classes 1 and 2.
    pub fn cooperation(&self) -> i64 {
        self.verbal_cooperation + self.material_cooperation
    }

    /// Quad classes 3 and 4.
    pub fn conflict(&self) -> i64 {
        self.verbal_conflict + self.material_conflict
    }
}

/// A dyad's series, one entry per period from the first to the last period with events.
#[derive(Debug, Clone, Serialize)]
pub struct DyadSeries {
    pub source: String,
    pub target: String,
    pub undirected: bool,
    pub by: &'static str,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub periods: Vec<DyadPeriod>,
}

impl DyadSeries {
    /// "USA → PRK, by month" (↔ when undirected).
    pub fn title(&self) -> String {
        let arrow = if self.undirected { "↔" } else { "→" };
        format!("{} {arrow} {}, by {}", self.source, self.target, self.by)
    }
}

/// Computes the series of `query` by `period` (three grouped queries in the store).
pub fn dyad_series(store: &Store, query: &DyadQuery, period: Period) -> Result<DyadSeries> {
    let (totals, top_codes) = store.dyad_grouped(query, period, TOP_CODES)?;
    let mut by_key: HashMap<String, DyadPeriod> = HashMap::new();
    let mut first_last: Option<(PeriodSpan, PeriodSpan)> = None;
    for t in totals {
        let Some(span) = span_of_key(period, &t.key) else {
            continue;
        };
        first_last = Some(match first_last {
            None => (span.clone(), span.clone()),
            Some((first, last)) => (
                if span.start < first.start {
                    span.clone()
                } else {
                    first
                },
                if span.start > last.start {
                    span.clone()
                } else {
                    last
                },
            ),
        });
        let mut row = DyadPeriod::empty(span);
        row.events = t.events;
        [
            row.verbal_cooperation,
            row.material_cooperation,
            row.verbal_conflict,
            row.material_conflict,
        ] = t.quad;
        row.goldstein_sum = t.goldstein_sum;
        row.goldstein_mean = (t.events > 0).then(|| t.goldstein_sum / t.events as f64);
        by_key.insert(row.span.label.clone(), row);
    }
    add_top_codes(store, top_codes, period, &mut by_key)?;
    for ev in store.dyad_evidence(query, period)? {
        let Some(span) = span_of_key(period, &ev.key) else {
            continue;
        };
        if let Some(row) = by_key.get_mut(&span.label) {
            let r = ev.record;
            row.evidence = Some(PeriodEvidence {
                doc: r.doc,
                date: r.date,
                source: r.source.map(|a| a.code),
                target: r.target.map(|a| a.code),
                cameo: r.cameo,
                goldstein: r.goldstein,
                reports: r.reports,
                sentence_index: r.sentence.index,
                sentence_chars: r.evidence.sentence,
                sentence: r.sentence.text,
            });
        }
    }
    let periods = match first_last {
        None => Vec::new(),
        Some((first, last)) => periods_between(period, first.start, last.start)
            .into_iter()
            .map(|span| {
                by_key
                    .remove(&span.label)
                    .unwrap_or_else(|| DyadPeriod::empty(span))
            })
            .collect(),
    };
    Ok(DyadSeries {
        source: query.source.clone(),
        target: query.target.clone(),
        undirected: query.undirected,
        by: period_name(period),
        from: query.from,
        to: query.to,
        periods,
    })
}

fn add_top_codes(
    store: &Store,
    top_codes: Vec<chronicle_store::PeriodCode>,
    period: Period,
    by_key: &mut HashMap<String, DyadPeriod>,
) -> Result<()> {
    let mut names: HashMap<String, String> = HashMap::new();
    for code in top_codes {
        let Some(span) = span_of_key(period, &code.key) else {
            continue;
        };
        let Some(row) = by_key.get_mut(&span.label) else {
            continue;
        };
        if !names.contains_key(&code.cameo) {
            let name = store.cameo_name(&code.cameo)?.unwrap_or_default();
            names.insert(code.cameo.clone(), name);
        }
        row.top_codes.push(TopCode {
            name: names[&code.cameo].clone(),
            cameo: code.cameo,
            count: code.count,
        });
    }
    Ok(())
}

fn fmt_mean(mean: Option<f64>) -> String {
    mean.map(|m| format!("{m:.2}")).unwrap_or_default()
}

fn top_codes_text(codes: &[TopCode], with_names: bool) -> String {
    codes
        .iter()
        .map(|c| {
            if with_names {
                format!("{} {} ({})", c.cameo, c.name, c.count)
            } else {
                format!("{}×{}", c.cameo, c.count)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

const CSV_HEADER: [&str; 16] = [
    "period",
    "start",
    "end",
    "events",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
    "top_codes",
    "evidence_doc",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
    "evidence_text",
];

/// Writes the series as CSV, one row per period.
pub fn write_csv(series: &DyadSeries, out: impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for p in &series.periods {
        let ev = p.evidence.as_ref();
        w.write_record([
            p.span.label.clone(),
            p.span.start.to_string(),
            p.span.end.to_string(),
            p.events.to_string(),
            p.verbal_cooperation.to_string(),
            p.material_cooperation.to_string(),
            p.verbal_conflict.to_string(),
            p.material_conflict.to_string(),
            format!("{:.2}", p.goldstein_sum),
            fmt_mean(p.goldstein_mean),
            top_codes_text(&p.top_codes, true),
            ev.map(|e| e.doc.clone()).unwrap_or_default(),
            ev.map(|e| e.sentence_index.to_string()).unwrap_or_default(),
            ev.map(|e| e.sentence_chars[0].to_string())
                .unwrap_or_default(),
            ev.map(|e| e.sentence_chars[1].to_string())
                .unwrap_or_default(),
            ev.map(|e| e.sentence.clone()).unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Writes the series as one JSON document.
pub fn write_json(series: &DyadSeries, mut out: impl Write) -> Result<()> {
    serde_json::to_writer_pretty(&mut out, series)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes the series as an aligned table, followed by each period's evidence sentence.
pub fn write_table(series: &DyadSeries, mut out: impl Write) -> Result<()> {
    writeln!(out, "{}", series.title())?;
    let header = [
        "period",
        "events",
        "vcoop",
        "mcoop",
        "vconf",
        "mconf",
        "gold Σ",
        "gold μ",
        "top types",
    ];
    let rows: Vec<[String; 9]> = series
        .periods
        .iter()
        .map(|p| {
            [
                p.span.label.clone(),
                p.events.to_string(),
                p.verbal_cooperation.to_string(),
                p.material_cooperation.to_string(),
                p.verbal_conflict.to_string(),
                p.material_conflict.to_string(),
                format!("{:+.1}", p.goldstein_sum),
                p.goldstein_mean
                    .map(|m| format!("{m:+.2}"))
                    .unwrap_or_else(|| "-".into()),
                top_codes_text(&p.top_codes, false),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = w.saturating_sub(cell.chars().count());
            // Numbers right-aligned, text left-aligned.
            if (1..8).contains(&i) {
                s.push_str(&" ".repeat(pad));
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(pad));
            }
            s.push_str("  ");
        }
        s.trim_end().to_owned()
    };
    writeln!(out, "{}", line(&header.map(String::from)))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    let cited: Vec<_> = series
        .periods
        .iter()
        .filter_map(|p| p.evidence.as_ref().map(|e| (&p.span.label, e)))
        .collect();
    if !cited.is_empty() {
        writeln!(out, "\nmost-cited evidence:")?;
        for (label, e) in cited {
            writeln!(
                out,
                "{label}  {}#{} [{}–{}] {} {:+.1}: {}",
                e.doc,
                e.sentence_index,
                e.sentence_chars[0],
                e.sentence_chars[1],
                e.cameo,
                e.goldstein,
                e.sentence
            )?;
        }
    }
    Ok(())
}
