//! Aggregate queries for story analytics: dyad series per period and timeline candidates.
//!
//! Aggregation happens in SQLite (GROUP BY over the indexed event date), so a series over
//! a million events reads only the index entries of the dyad. Code prefixes are matched with
//! half-open ranges (`code >= 'USA' AND code < 'USA\u{10FFFF}'`), which SQLite answers from the
//! code indexes; a case-insensitive LIKE would scan the table.

use chronicle_core::record::EventRecord;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};

use crate::{EventFilter, Result, Store};

/// The calendar unit a series is bucketed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO 8601 weeks, Monday to Sunday; a bucket is keyed by its Monday.
    Week,
    Month,
    Year,
}

impl Period {
    /// The SQL expression turning `e.date` (`YYYY-MM-DD`) into the bucket key: the day, the
    /// Monday of its ISO week (`YYYY-MM-DD`), `YYYY-MM` or `YYYY`.
    fn key_sql(self) -> &'static str {
        match self {
            Period::Day => "e.date",
            // Back six days, then forward to the next Monday: the Monday on or before.
            Period::Week => "date(e.date, '-6 days', 'weekday 1')",
            Period::Month => "substr(e.date, 1, 7)",
            Period::Year => "substr(e.date, 1, 4)",
        }
    }
}

/// Which events a dyad series counts: source code starts with `source` and target code with
/// `target` (or either way round when `undirected`), dated within `[from, to]`.
#[derive(Debug, Clone)]
pub struct DyadQuery {
    pub source: String,
    pub target: String,
    pub undirected: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Totals of one period of a dyad series.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodTotals {
    /// Bucket key as produced by [`Period`]: `2019-12-09` (day or week Monday), `2019-12`, `2019`.
    pub key: String,
    pub events: i64,
    /// Event counts per quad class 1..=4 (index 0 = verbal cooperation).
    pub quad: [i64; 4],
    pub goldstein_sum: f64,
}

/// One of the most frequent event codes of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodCode {
    pub key: String,
    pub cameo: String,
    pub count: i64,
}

/// The most-cited event of a period, as its full record.
#[derive(Debug, Clone)]
pub struct PeriodEvidence {
    pub key: String,
    pub record: EventRecord,
}

/// Per-date weight of the events matching a timeline filter.
#[derive(Debug, Clone, PartialEq)]
pub struct DateWeight {
    pub date: NaiveDate,
    pub events: i64,
    /// Distinct articles reporting events on that date.
    pub articles: i64,
    /// Distinct outlets among them (articles without a known outlet count as none).
    pub outlets: i64,
    pub abs_goldstein: f64,
}

/// An event that may summarise a timeline date, with its article's metadata.
#[derive(Debug, Clone)]
pub struct DateCandidate {
    pub event_id: i64,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub record: EventRecord,
}

/// Which events a timeline is built from: all of them, an actor, a dyad, or the events of
/// articles containing every word of a query.
#[derive(Debug, Clone, Default)]
pub struct TimelineQuery {
    pub actor: Option<String>,
    pub dyad: Option<(String, String)>,
    /// Words that must all occur in a sentence of the article (full-text index).
    pub words: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Events of original articles only: a near-duplicate copy's events count under its
/// original (see `duplicates.rs`).
const ORIGINALS_ONLY: &str =
    "e.article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)";

/// The exclusive upper bound of strings starting with `prefix` (binary collation): no string
/// starting with `prefix` sorts at or after `prefix` + U+10FFFF except one continuing with it.
fn prefix_end(prefix: &str) -> String {
    let mut end = prefix.to_owned();
    end.push(char::MAX);
    end
}

/// The distinct values of `column` (`source_code` or `target_code`) that start with
/// `prefix`, found by hopping through the index (one seek per distinct code) rather than
/// reading every event of the prefix.
fn codes_with_prefix(conn: &Connection, column: &str, prefix: &str) -> Result<Vec<String>> {
    let sql = format!(
        "WITH RECURSIVE codes(c) AS (
            SELECT min({column}) FROM events WHERE {column} >= ?1 AND {column} < ?2
            UNION ALL
            SELECT (SELECT min({column}) FROM events WHERE {column} > codes.c AND {column} < ?2)
            FROM codes WHERE codes.c IS NOT NULL)
         SELECT c FROM codes WHERE c IS NOT NULL"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![prefix, prefix_end(prefix)], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Accumulates a WHERE clause with positional parameters.
pub(crate) struct Where<'c> {
    conn: &'c Connection,
    pub(crate) sql: String,
    pub(crate) args: Vec<Value>,
}

impl<'c> Where<'c> {
    fn new(conn: &'c Connection) -> Self {
        Where {
            conn,
            sql: String::new(),
            args: Vec::new(),
        }
    }

    /// `e.<column>` starts with `prefix`, as a list of the codes present: SQLite then seeks
    /// each one in the composite indexes instead of scanning a range.
    fn code_prefix(&mut self, column: &str, prefix: &str) -> Result<String> {
        let codes = codes_with_prefix(self.conn, column, prefix)?;
        if codes.is_empty() {
            return Ok("0".into());
        }
        let params: Vec<String> = codes.into_iter().map(|c| self.arg(c)).collect();
        Ok(format!("e.{column} IN ({})", params.join(", ")))
    }

    fn arg(&mut self, value: impl Into<Value>) -> String {
        self.args.push(value.into());
        format!("?{}", self.args.len())
    }

    /// `column` starts with `prefix`, as an index-friendly range.
    fn prefix(&mut self, column: &str, prefix: &str) -> String {
        let lo = self.arg(prefix.to_owned());
        let hi = self.arg(prefix_end(prefix));
        format!("({column} >= {lo} AND {column} < {hi})")
    }

    /// Leaves out events of near-duplicate copies. The clause costs a lookup per event and
    /// defeats covering indexes, so it is added only when the store holds copies at all.
    fn originals_only(&mut self) -> Result<()> {
        let any_copies: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE duplicate_of IS NOT NULL)",
            [],
            |r| r.get(0),
        )?;
        if any_copies {
            self.and(ORIGINALS_ONLY);
        }
        Ok(())
    }

    fn and(&mut self, clause: &str) {
        self.sql.push_str(" AND ");
        self.sql.push_str(clause);
    }

    fn dates(&mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) {
        if let Some(from) = from {
            let p = self.arg(from.to_string());
            self.and(&format!("e.date >= {p}"));
        }
        if let Some(to) = to {
            let p = self.arg(to.to_string());
            self.and(&format!("e.date <= {p}"));
        }
    }

    fn dyad(&mut self, source: &str, target: &str, undirected: bool) -> Result<()> {
        let forward = format!(
            "({} AND {})",
            self.code_prefix("source_code", source)?,
            self.code_prefix("target_code", target)?
        );
        if undirected {
            let backward = format!(
                "({} AND {})",
                self.code_prefix("source_code", target)?,
                self.code_prefix("target_code", source)?
            );
            self.and(&format!("({forward} OR {backward})"));
        } else {
            self.and(&forward);
        }
        Ok(())
    }

    fn actor(&mut self, actor: &str) -> Result<()> {
        let clause = format!(
            "({} OR {})",
            self.code_prefix("source_code", actor)?,
            self.code_prefix("target_code", actor)?
        );
        self.and(&clause);
        Ok(())
    }

    /// The clause for the filters of `chronicle events` (everything but `limit`).
    pub(crate) fn event_filter(conn: &'c Connection, filter: &EventFilter) -> Result<Self> {
        let mut w = Where::new(conn);
        if let Some(actor) = &filter.actor {
            w.actor(actor)?;
        }
        if let Some((a, b)) = &filter.dyad {
            w.dyad(a, b, false)?;
        }
        w.dates(filter.from, filter.to);
        if let Some(cameo) = &filter.cameo {
            let clause = w.prefix("e.cameo", cameo);
            w.and(&clause);
        }
        if let Some(plover) = &filter.plover {
            let p = w.arg(plover.to_uppercase());
            w.and(&format!("e.plover = {p}"));
        }
        if let Some(doc) = &filter.doc {
            let p = w.arg(doc.clone());
            w.and(&format!("a.doc = {p}"));
        }
        if !filter.include_duplicates {
            w.originals_only()?;
        }
        if filter.stories {
            // A story is listed by its first stored mention.
            w.and(
                "NOT EXISTS (SELECT 1 FROM events p WHERE p.story_id = e.story_id AND p.id < e.id)",
            );
        }
        Ok(w)
    }

    /// The clauses of a dyad query as UNION ALL alternatives: the forward direction, and
    /// for an undirected query the backward one without the events already counted forward.
    fn dyad_branches(conn: &'c Connection, q: &DyadQuery) -> Result<(Self, Vec<String>)> {
        let mut w = Where::new(conn);
        w.and("e.date IS NOT NULL");
        w.originals_only()?;
        w.dates(q.from, q.to);
        let common = std::mem::take(&mut w.sql);
        let forward = format!(
            "{} AND {}",
            w.code_prefix("source_code", &q.source)?,
            w.code_prefix("target_code", &q.target)?
        );
        let mut branches = vec![format!(" AND {forward}{common}")];
        if q.undirected {
            let backward = format!(
                "{} AND {}",
                w.code_prefix("source_code", &q.target)?,
                w.code_prefix("target_code", &q.source)?
            );
            branches.push(format!(" AND {backward} AND NOT ({forward}){common}"));
        }
        Ok((w, branches))
    }

    /// The clauses of a timeline query as alternatives to be joined with UNION ALL: an
    /// actor matches as source, or as target of an event whose source it is not, so each
    /// branch is answered from one covering index and no event is counted twice.
    fn timeline_branches(conn: &'c Connection, q: &TimelineQuery) -> Result<(Self, Vec<String>)> {
        let mut w = Where::new(conn);
        if let Some((a, b)) = &q.dyad {
            w.dyad(a, b, false)?;
        }
        if !q.words.is_empty() {
            let p = w.arg(fts_all_words(&q.words));
            w.and(&format!(
                "e.article_id IN (SELECT s.article_id FROM sentences_fts f \
                 JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH {p})"
            ));
        }
        w.and("e.date IS NOT NULL");
        w.originals_only()?;
        w.dates(q.from, q.to);
        let common = std::mem::take(&mut w.sql);
        let branches = match &q.actor {
            None => vec![common],
            Some(actor) => {
                let source = w.code_prefix("source_code", actor)?;
                let target = w.code_prefix("target_code", actor)?;
                vec![
                    format!(" AND {source}{common}"),
                    format!(" AND {target} AND NOT ({source}){common}"),
                ]
            }
        };
        Ok((w, branches))
    }
}

/// `SELECT {columns} FROM events e WHERE …` once per branch, joined with UNION ALL.
fn union_of(columns: &str, branches: &[String]) -> String {
    branches
        .iter()
        .map(|b| format!("SELECT {columns} FROM events e WHERE 1=1{b}"))
        .collect::<Vec<_>>()
        .join(" UNION ALL ")
}

/// An FTS5 query requiring every word, each quoted so user text is never query syntax.
fn fts_all_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_record(json: &str) -> Result<EventRecord> {
    Ok(serde_json::from_str(json)?)
}

impl Store {
    /// Event counts per quad class and Goldstein sums of a dyad, one row per period that has
    /// events, in period order (the caller fills the gaps).
    pub fn dyad_totals(&self, q: &DyadQuery, period: Period) -> Result<Vec<PeriodTotals>> {
        let (w, branches) = Where::dyad_branches(&self.conn, q)?;
        let sql = format!(
            "SELECT k, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4),
                    total(goldstein)
             FROM ({union}) GROUP BY k ORDER BY k",
            union = union_of(
                &format!(
                    "{} AS k, e.quad_class AS quad, e.goldstein AS goldstein",
                    period.key_sql()
                ),
                &branches
            )
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            Ok(PeriodTotals {
                key: r.get(0)?,
                events: r.get(1)?,
                quad: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
                goldstein_sum: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The `n` most frequent CAMEO codes of each period (ties: lower code first).
    pub fn dyad_top_codes(
        &self,
        q: &DyadQuery,
        period: Period,
        n: usize,
    ) -> Result<Vec<PeriodCode>> {
        let (mut w, branches) = Where::dyad_branches(&self.conn, q)?;
        let limit = w.arg(n as i64);
        let sql = format!(
            "SELECT k, cameo, c FROM (
                SELECT k, cameo, c,
                       row_number() OVER (PARTITION BY k ORDER BY c DESC, cameo) AS rank
                FROM (SELECT k, cameo, count(*) AS c FROM ({union}) GROUP BY k, cameo))
             WHERE rank <= {limit} ORDER BY k, rank",
            union = union_of(
                &format!("{} AS k, e.cameo AS cameo", period.key_sql()),
                &branches
            )
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            Ok(PeriodCode {
                key: r.get(0)?,
                cameo: r.get(1)?,
                count: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Both [`Store::dyad_totals`] and [`Store::dyad_top_codes`] from one grouped pass over
    /// the dyad's index entries (grouped by period and code; the per-period sums and the
    /// ranking are then over those groups, not over events).
    pub fn dyad_grouped(
        &self,
        q: &DyadQuery,
        period: Period,
        n: usize,
    ) -> Result<(Vec<PeriodTotals>, Vec<PeriodCode>)> {
        let (w, branches) = Where::dyad_branches(&self.conn, q)?;
        let sql = format!(
            "SELECT k, cameo, quad, count(*), total(goldstein) FROM ({union})
             GROUP BY k, cameo, quad ORDER BY k",
            union = union_of(
                &format!(
                    "{} AS k, e.cameo AS cameo, e.quad_class AS quad, e.goldstein AS goldstein",
                    period.key_sql()
                ),
                &branches
            )
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(w.args.iter()))?;
        let mut totals: Vec<PeriodTotals> = Vec::new();
        let mut codes: Vec<PeriodCode> = Vec::new();
        let mut period_codes: Vec<PeriodCode> = Vec::new();
        let flush = |period_codes: &mut Vec<PeriodCode>, codes: &mut Vec<PeriodCode>| {
            // Most frequent first; equal counts: lower code first.
            period_codes.sort_by(|a, b| b.count.cmp(&a.count).then(a.cameo.cmp(&b.cameo)));
            codes.extend(period_codes.drain(..).take(n));
        };
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let cameo: String = row.get(1)?;
            let quad: i64 = row.get(2)?;
            let count: i64 = row.get(3)?;
            let goldstein: f64 = row.get(4)?;
            if totals.last().map(|t| &t.key) != Some(&key) {
                flush(&mut period_codes, &mut codes);
                totals.push(PeriodTotals {
                    key: key.clone(),
                    events: 0,
                    quad: [0; 4],
                    goldstein_sum: 0.0,
                });
            }
            if let Some(t) = totals.last_mut() {
                t.events += count;
                if let Some(slot) = usize::try_from(quad - 1)
                    .ok()
                    .and_then(|i| t.quad.get_mut(i))
                {
                    *slot += count;
                }
                t.goldstein_sum += goldstein;
            }
            // One code can appear under two quad classes only if the ontology changed
            // between ingests; count it once.
            match period_codes.iter_mut().find(|c| c.cameo == cameo) {
                Some(c) => c.count += count,
                None => period_codes.push(PeriodCode { key, cameo, count }),
            }
        }
        flush(&mut period_codes, &mut codes);
        Ok((totals, codes))
    }

    /// The most-cited event of each period: most reports, then largest |Goldstein|, then the
    /// earliest stored.
    pub fn dyad_evidence(&self, q: &DyadQuery, period: Period) -> Result<Vec<PeriodEvidence>> {
        let (w, branches) = Where::dyad_branches(&self.conn, q)?;
        let sql = format!(
            "SELECT r.k, ev.record FROM (
                SELECT k, id, row_number() OVER (
                    PARTITION BY k ORDER BY reports DESC, abs(goldstein) DESC, id) AS rank
                FROM ({union})) r
             JOIN events ev ON ev.id = r.id
             WHERE r.rank = 1 ORDER BY r.k",
            union = union_of(
                &format!(
                    "{} AS k, e.id AS id, e.goldstein AS goldstein, e.reports AS reports",
                    period.key_sql()
                ),
                &branches
            )
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, json) = row?;
            out.push(PeriodEvidence {
                key,
                record: parse_record(&json)?,
            });
        }
        Ok(out)
    }

    /// A CAMEO code's name as stored with its events, if any event has it.
    pub fn cameo_name(&self, cameo: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT json_extract(record, '$.cameo_name') FROM events WHERE cameo = ?1 LIMIT 1",
                [cameo],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }

    /// Weight of every date with matching events (unordered; at most one row per day).
    pub fn timeline_dates(&self, q: &TimelineQuery) -> Result<Vec<DateWeight>> {
        let (w, branches) = Where::timeline_branches(&self.conn, q)?;
        let sql = format!(
            "WITH m AS ({union})
             SELECT m.date, count(*), count(DISTINCT m.article_id), count(DISTINCT a.outlet),
                    total(abs(m.goldstein))
             FROM m JOIN articles a ON a.id = m.article_id GROUP BY m.date",
            union = union_of(
                "e.date AS date, e.article_id AS article_id, e.goldstein AS goldstein",
                &branches
            )
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, f64>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (date, events, articles, outlets, abs_goldstein) = row?;
            // A malformed stored date cannot anchor a timeline entry: skip it.
            if let Ok(date) = date.parse() {
                out.push(DateWeight {
                    date,
                    events,
                    articles,
                    outlets,
                    abs_goldstein,
                });
            }
        }
        Ok(out)
    }

    /// Up to `limit` matching events of one date, most reported and weightiest first.
    pub fn timeline_candidates(
        &self,
        q: &TimelineQuery,
        date: NaiveDate,
        limit: usize,
    ) -> Result<Vec<DateCandidate>> {
        let mut dated = q.clone();
        dated.from = Some(date);
        dated.to = Some(date);
        let (mut w, branches) = Where::timeline_branches(&self.conn, &dated)?;
        let limit = w.arg(limit as i64);
        let sql = format!(
            "WITH m AS ({union})
             SELECT e.id, a.outlet, a.title, a.url, e.record
             FROM m JOIN events e ON e.id = m.id JOIN articles a ON a.id = e.article_id
             ORDER BY e.reports DESC, abs(e.goldstein) DESC, e.id
             LIMIT {limit}",
            union = union_of("e.id AS id", &branches)
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(w.args.iter()), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (event_id, outlet, title, url, json) = row?;
            out.push(DateCandidate {
                event_id,
                outlet,
                title,
                url,
                record: parse_record(&json)?,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_range_covers_longer_codes_only() {
        let end = prefix_end("USA");
        assert!("USAGOV" < end.as_str() && "USAGOV" >= "USA");
        assert!("USB" > end.as_str());
        assert!("US" < "USA");
    }

    #[test]
    fn fts_words_are_quoted() {
        assert_eq!(
            fts_all_words(&["nuclear".into(), "a\"b".into()]),
            "\"nuclear\" \"a\"\"b\""
        );
    }
}
